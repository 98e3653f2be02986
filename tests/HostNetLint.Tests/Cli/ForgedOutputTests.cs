using System.Text.RegularExpressions;
using HostNetLint.Reporting;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Cli;

/// <summary>
/// Nothing from a file reaches the terminal raw: a directory name with a line break cannot print a finding line
/// of its own, and escape sequences, BEL, VT, NUL, NEL and the line separator in a service name are escaped, in the
/// findings, the <c>fixed</c> and <c>not fixed</c> lines and the summary.
/// </summary>
[TestFixture]
public sealed partial class ForgedOutputTests
{
    private const string ForgedDirectory = "x\napp.yml(1,1): error HNL1001: forged";

    private const string Compose = "version: '3'\nservices:\n  \"we\\e[31mb\\e]8;;http://x\\a\\v\\0\\N\\L\\P\\u202E\":\n    image: nginx\n    network_mode: host\n    ports: ['80:80']\n";

    [TestCase("plain text", "plain text")]
    [TestCase("a\nb\rc\td", "a\\nb\\rc\\td")]
    [TestCase("\u001B[31mred\u001B]8;;http://x\u0007", "\\u001B[31mred\\u001B]8;;http://x\\u0007")]
    [TestCase("\v\0\u007F\u0085\u009B", "\\u000B\\u0000\\u007F\\u0085\\u009B")]
    [TestCase("\u2028\u2029\u202E\u2066", "\\u2028\\u2029\\u202E\\u2066")]
    public void Control_characters_are_escaped_and_escaping_twice_changes_nothing(string text, string expected)
    {
        Assert.That(TerminalText.Escape(text), Is.EqualTo(expected));
        Assert.That(TerminalText.Escape(TerminalText.Escape(text)), Is.EqualTo(expected));
    }

    [Test]
    public void A_surrogate_pair_stays_and_a_lone_surrogate_is_escaped()
    {
        // Built at run time: a lone surrogate does not survive an attribute's UTF-8 metadata.
        var text = "emoji \U0001F600 stays, lone " + (char)0xD800 + " does not";
        Assert.That(TerminalText.Escape(text), Is.EqualTo("emoji \U0001F600 stays, lone \\uD800 does not"));
    }

    [Test]
    public void A_directory_named_like_a_finding_line_cannot_forge_one_in_check_or_fix()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Windows file names cannot hold a line break.");
        }

        using var temp = new TempDirectory();
        temp.Write(Path.Combine(ForgedDirectory, "compose.yaml"), Compose);

        var (_, check, _) = HostileFileSystem.Cli(temp.Path, "check");
        var lines = check.TrimEnd('\n').Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Length.EqualTo(3), check);
            Assert.That(lines[0], Is.EqualTo("x\\napp.yml(1,1): error HNL1001: forged/compose.yaml(1,1): note HNL3001: The top-level 'version' key is obsolete and ignored by compose. Remove it."));
            Assert.That(lines[1], Does.StartWith("x\\napp.yml(1,1): error HNL1001: forged/compose.yaml(6,5): warning HNL1002: Published ports of 'we\\u001B[31mb\\u001B]8;;http://x\\u0007\\u000B\\u0000\\u0085\\u2028\\u2029\\u202E' are discarded"));
            Assert.That(lines[2], Is.EqualTo("0 errors, 1 warning, 1 note in 1 file"));
            Assert.That(lines, Has.None.StartsWith("app.yml"));
            AssertPrintable(check);
        });

        var (_, dryRun, dryRunError) = HostileFileSystem.Cli(temp.Path, "fix", "--dry-run");
        AssertPrintable(dryRunError);
        Assert.That(dryRun, Does.StartWith("diff --git \"a/x\\napp.yml(1,1): error HNL1001: forged/compose.yaml\" \"b/x\\napp.yml(1,1): error HNL1001: forged/compose.yaml\"\n"));

        var (_, fix, _) = HostileFileSystem.Cli(temp.Path, "fix");
        Assert.Multiple(() =>
        {
            Assert.That(fix.TrimEnd('\n').Split('\n'), Is.EqualTo(new[]
            {
                "fixed x\\napp.yml(1,1): error HNL1001: forged/compose.yaml: 2 edits (HNL1002, HNL3001)",
                "No findings in 1 file",
            }));
            AssertPrintable(fix);
        });
    }

    [Test]
    public void A_not_fixed_line_escapes_the_path_and_the_reason()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Windows file names cannot hold a line break.");
        }

        using var temp = new TempDirectory();
        var path = temp.Write(Path.Combine(ForgedDirectory, "compose.yaml"), Compose);
        // Not YAML, so only its other name is linted (any YAML with services: and an image is sniffed as compose).
        HostileFileSystem.HardLink(Path.Combine(temp.Path, "second-name.txt"), path);

        var (_, fix, _) = HostileFileSystem.Cli(temp.Path, "fix");
        Assert.Multiple(() =>
        {
            Assert.That(fix, Does.StartWith("not fixed x\\napp.yml(1,1): error HNL1001: forged/compose.yaml: it has 2 hard links;"));
            Assert.That(fix.Split('\n').Where(l => l.StartsWith("not fixed", StringComparison.Ordinal)), Has.Exactly(1).Items);
            AssertPrintable(fix);
        });
    }

    /// <summary>Only printable characters and the line feeds that end lines; every line in the canonical shape or a known tool line.</summary>
    private static void AssertPrintable(string output)
    {
        foreach (var c in output)
        {
            Assert.That(c == '\n' || !(char.IsControl(c) || c is '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E')), $"U+{(int)c:X4} reached the output");
        }

        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.That(FindingLine().IsMatch(line) || ToolLine().IsMatch(line), line);
        }
    }

    [GeneratedRegex(@"^.+\(\d+,\d+\): (error|warning|note) HNL\d{4}: .+$")]
    private static partial Regex FindingLine();

    [GeneratedRegex(@"^(fixed |not fixed |not all fixes|No findings|\d+ errors?,|hostnetlint: |diff --git|--- |\+\+\+ |@@ |[ +\-\\])")]
    private static partial Regex ToolLine();
}
