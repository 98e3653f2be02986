using System.Diagnostics;
using CsCheck;
using HostNetLint.Fixes;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Fixes;

[TestFixture]
public sealed class UnifiedDiffTests
{
    [Test]
    public void Far_apart_changes_make_two_hunks_with_three_lines_of_context()
    {
        var old = string.Join('\n', Enumerable.Range(1, 20).Select(i => $"l{i}")) + "\n";
        var @new = old.Replace("l2\n", string.Empty, StringComparison.Ordinal).Replace("l18\n", "l18\nadded\n", StringComparison.Ordinal);
        const string expected = """
            diff --git a/f.yaml b/f.yaml
            --- a/f.yaml
            +++ b/f.yaml
            @@ -1,5 +1,4 @@
             l1
            -l2
             l3
             l4
             l5
            @@ -16,5 +15,6 @@
             l16
             l17
             l18
            +added
             l19
             l20

            """;
        Assert.That(UnifiedDiff.Create("f.yaml", old, @new), Is.EqualTo(expected.ReplaceLineEndings("\n")));
    }

    [Test]
    public void A_last_line_without_newline_is_marked_on_each_side()
    {
        Assert.That(
            UnifiedDiff.Create("f", "a\r\nb", "a\r\nc"),
            Is.EqualTo("diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\r\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"));
    }

    [Test]
    public void Equal_texts_give_no_diff() => Assert.That(UnifiedDiff.Create("f", "a\n", "a\n"), Is.Empty);

    [Test]
    public void Git_applies_the_diff_of_random_edits()
    {
        if (!ChildProcess.IsOnPath("git"))
        {
            Assert.Ignore("git is not installed");
        }

        // Lone CRs inside lines and CR-only files too: git ends lines at LF only.
        var line = Gen.OneOf("a", "b", "c", "key: value", "  - item", string.Empty, "x\ry", "\r");
        var lines = line.Array[0, 12];
        var gen = Gen.Select(lines, lines, Gen.OneOf("\n", "\r\n", "\r"), Gen.Bool, Gen.Bool);
        gen.Sample(
            t =>
            {
                var (a, b, newLine, finalA, finalB) = t;
                var old = Join(a, newLine, finalA);
                var @new = Join(b, newLine, finalB);
                if (old == @new)
                {
                    return;
                }

                using var temp = new TempDirectory();
                temp.Write("f.txt", old);
                File.WriteAllText(Path.Combine(temp.Path, "p.diff"), UnifiedDiff.Create("f.txt", old, @new));
                Assert.That(Git(temp.Path, "apply", "--check", "p.diff"), Is.Zero, $"diff of {Show(old)} -> {Show(@new)}:\n{UnifiedDiff.Create("f.txt", old, @new)}");
                Assert.That(Git(temp.Path, "apply", "p.diff"), Is.Zero, $"diff of {Show(old)} -> {Show(@new)}:\n{UnifiedDiff.Create("f.txt", old, @new)}");
                Assert.That(File.ReadAllText(Path.Combine(temp.Path, "f.txt")), Is.EqualTo(@new));
            },
            iter: 200,
            threads: 2);
    }

    [TestCase("new\nline.yml")]
    [TestCase("tab\there.yml")]
    [TestCase("quo\"te.yml")]
    [TestCase("back\\slash.yml")]
    [TestCase("space d.yml")]
    [TestCase("sub dir/tab\tand space.yml")]
    [TestCase("caf\u00e9.yml")]
    [TestCase("bell\a-esc\u001b-del\u007f.yml")]
    [TestCase("x\napp.yml(1,1): error HNL1001: forged/compose.yaml")]
    public void Paths_are_quoted_as_git_quotes_them_and_git_applies_the_patch(string path)
    {
        if (!ChildProcess.IsOnPath("git") || OperatingSystem.IsWindows())
        {
            Assert.Ignore("needs git and file names with control characters");
        }

        using var temp = new TempDirectory();
        Git(temp.Path, "init", "-q");
        temp.Write(path, "a\nb\n");
        Git(temp.Path, "add", "-A");
        Git(temp.Path, "-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "-m", "old");
        temp.Write(path, "a\nc\n");
        var fromGit = ChildProcess.Run("git", temp.Path, ["diff"]).Output.Split('\n');
        var ours = UnifiedDiff.Create(path, "a\nb\n", "a\nc\n");
        var oursLines = ours.Split('\n');
        Assert.Multiple(() =>
        {
            // git's header has an index line we do not write; the names must be byte for byte git's.
            Assert.That(oursLines[0], Is.EqualTo(fromGit[0]));
            Assert.That(oursLines[1..3], Is.EqualTo(fromGit[2..4]));
        });

        Git(temp.Path, "checkout", "-q", "--", ".");
        File.WriteAllText(Path.Combine(temp.Path, "p.diff"), ours);
        Assert.That(Git(temp.Path, "apply", "--check", "p.diff"), Is.Zero, ours);
        Assert.That(Git(temp.Path, "apply", "p.diff"), Is.Zero);
        Assert.That(File.ReadAllText(Path.Combine(temp.Path, path)), Is.EqualTo("a\nc\n"));
    }

    [Test]
    public void A_CR_only_file_is_one_line_for_git_and_the_patch_applies()
    {
        Assert.That(
            UnifiedDiff.Create("f", "a\rb\rc\r", "a\rc\r"),
            Is.EqualTo("diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -1,1 +1,1 @@\n-a\rb\rc\r\n\\ No newline at end of file\n+a\rc\r\n\\ No newline at end of file\n"));
        Assert.That(UnifiedDiff.SplitLines("a\rb\r\nc\n"), Is.EqualTo(new[] { "a\rb\r\n", "c\n" }));
    }

    [Test]
    public void Thousands_of_lines_with_a_few_edits_diff_quickly_and_exactly()
    {
        var old = string.Concat(Enumerable.Range(0, 200_000).Select(i => $"line {i}\n"));
        var @new = old.Replace("line 100000\n", "changed\n", StringComparison.Ordinal);
        var diff = HostileFileSystem.WithinHangGuard(() => UnifiedDiff.Create("f", old, @new));
        Assert.That(diff, Is.EqualTo("diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -99998,7 +99998,7 @@\n line 99997\n line 99998\n line 99999\n-line 100000\n+changed\n line 100001\n line 100002\n line 100003\n"));
    }

    private static string Join(string[] lines, string newLine, bool final) =>
        lines.Length == 0 ? string.Empty : string.Join(newLine, lines) + (final ? newLine : string.Empty);

    private static string Show(string text) => "\"" + text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";

    private static int Git(string directory, params string[] args) => ChildProcess.Run("git", directory, args).ExitCode;
}
