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

        var line = Gen.OneOf("a", "b", "c", "key: value", "  - item", string.Empty);
        var lines = line.Array[0, 12];
        var gen = Gen.Select(lines, lines, Gen.OneOf("\n", "\r\n"), Gen.Bool, Gen.Bool);
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
                Assert.That(Git(temp.Path, "apply", "p.diff"), Is.Zero, $"diff of {Show(old)} -> {Show(@new)}:\n{UnifiedDiff.Create("f.txt", old, @new)}");
                Assert.That(File.ReadAllText(Path.Combine(temp.Path, "f.txt")), Is.EqualTo(@new));
            },
            iter: 200,
            threads: 2);
    }

    private static string Join(string[] lines, string newLine, bool final) =>
        lines.Length == 0 ? string.Empty : string.Join(newLine, lines) + (final ? newLine : string.Empty);

    private static string Show(string text) => "\"" + text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";

    private static int Git(string directory, params string[] args) => ChildProcess.Run("git", directory, args).ExitCode;
}
