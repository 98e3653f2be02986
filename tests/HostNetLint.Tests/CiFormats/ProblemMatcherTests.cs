using System.Text.Json;
using System.Text.RegularExpressions;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.CiFormats;

/// <summary>
/// The shipped problem matcher (src/HostNetLint.Cli/hostnetlint-problem-matcher.json) over our real text output, run
/// as GitHub's runner runs it: .NET regular expressions with <c>RegexOptions.CultureInvariant | RegexOptions.ECMAScript</c>
/// (actions/runner src/Runner.Worker/IssueMatcher.cs, <c>IssuePatternConfig.RegexOptions</c>), the first matcher that
/// matches a line wins, and only the severities error, warning and notice make an annotation
/// (src/Runner.Worker/Handlers/OutputManager.cs, <c>ConvertToIssue</c>), which is why notes have a matcher of their own
/// whose default severity is notice.
/// </summary>
[TestFixture]
public sealed class ProblemMatcherTests
{
    private const string MatcherFile = "hostnetlint-problem-matcher.json";

    private static readonly Regex FindingLine = new(@"^(?<path>.+)\((?<line>\d+),(?<col>\d+)\): (?<severity>error|warning|note) (?<code>HNL\d{4}): (?<message>.+)$", RegexOptions.None, TimeSpan.FromSeconds(5));

    [Test]
    public void The_matcher_in_the_repository_is_the_one_shipped_beside_the_tool()
    {
        var source = File.ReadAllText(Path.Combine(Repository.Root, "src", "HostNetLint.Cli", MatcherFile));
        var shipped = File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, MatcherFile));
        Assert.That(shipped, Is.EqualTo(source));
    }

    [Test]
    public void Every_finding_line_of_the_sample_becomes_one_annotation_and_the_summary_none()
    {
        var output = Reports.Run(Repository.Root, null, ["check", .. Reports.SamplePaths]).Stdout;
        var lines = output.TrimEnd('\n').Split('\n');
        var annotations = lines.Select(Match).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(annotations[^1], Is.Null, "the summary line is no finding");
            Assert.That(annotations.Take(lines.Length - 1), Has.None.Null);
            Assert.That(annotations.Where(a => a is not null).Select(a => a!.Severity), Is.EqualTo(new[] { "error", "warning", "notice", "error", "error", "error" }));
            Assert.That(annotations[0], Is.EqualTo(new Annotation("tests/sample-deployment/airflow/airflow.service", "4", "1", "error", "HNL2001", lines[0][(lines[0].IndexOf(": error HNL2001: ", StringComparison.Ordinal) + ": error HNL2001: ".Length)..])));
        });
    }

    [Test]
    public void Hostile_names_are_matched_exactly_as_the_text_format_shows_them()
    {
        using var temp = new TempDirectory();
        var root = Reports.WriteHostile(temp);
        var lines = Reports.Run(root, null, "check").Stdout.TrimEnd('\n').Split('\n');

        Assert.Multiple(() =>
        {
            foreach (var line in lines[..^1])
            {
                // What the line says, read with a pattern that anchors on the severity and ID (none of the names forge one).
                var shown = FindingLine.Match(line);
                Assert.That(shown.Success, Is.True, line);
                var expected = new Annotation(shown.Groups["path"].Value, shown.Groups["line"].Value, shown.Groups["col"].Value, shown.Groups["severity"].Value == "note" ? "notice" : shown.Groups["severity"].Value, shown.Groups["code"].Value, shown.Groups["message"].Value);
                Assert.That(Match(line), Is.EqualTo(expected), line);
                Assert.That(line.TrimStart(), Does.Not.StartWith("::"), "no text line reads as a workflow command");
                Assert.That(line, Does.Not.Contain("##["));
            }

            Assert.That(lines, Has.Some.StartsWith("./::stop-commands::tok/compose.yaml(1,1): note HNL3001"));
            Assert.That(lines, Has.Some.StartsWith("100%0A,a:b\\nc\\u001B[1m\\u0007/compose.yaml("));
            Assert.That(Match(lines[^1]), Is.Null);
            GitHubAnnotationTests.AssertNoRawControlCharacters(string.Join('\n', lines));
        });
    }

    [Test]
    public void A_path_that_imitates_a_location_shifts_its_own_annotation_but_cannot_make_a_second_one()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Windows file names cannot hold a line break or a colon.");
        }

        // The text format cannot tell a path that contains "(1,1): error HNL1001: " from a location; the matcher takes the
        // first one (README, "GitHub Actions"). Line breaks are escaped, so each finding stays one line and one annotation.
        using var temp = new TempDirectory();
        temp.Write(Path.Combine("x\napp.yml(1,1): error HNL1001: forged", "compose.yaml"), "version: '3'\nservices:\n  a:\n    image: nginx\n");
        var lines = Reports.Run(temp.Path, null, "check").Stdout.TrimEnd('\n').Split('\n');

        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Length.EqualTo(2));
            Assert.That(Match(lines[0]), Is.EqualTo(new Annotation("x\\napp.yml", "1", "1", "error", "HNL1001", "forged/compose.yaml(1,1): note HNL3001: The top-level 'version' key is obsolete and ignored by compose. Remove it.")));
            Assert.That(Match(lines[1]), Is.Null);
        });
    }

    /// <summary>What the runner makes of one line: the first matcher that matches, its groups, the severity it resolves.</summary>
    private static Annotation? Match(string line)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "src", "HostNetLint.Cli", MatcherFile)));
        foreach (var matcher in document.RootElement.GetProperty("problemMatcher").EnumerateArray())
        {
            var pattern = matcher.GetProperty("pattern").EnumerateArray().Single();
            var regex = new Regex(pattern.GetProperty("regexp").GetString()!, RegexOptions.CultureInvariant | RegexOptions.ECMAScript, TimeSpan.FromSeconds(5));
            var match = regex.Match(line);
            if (!match.Success)
            {
                continue;
            }

            string? Group(string name) => pattern.TryGetProperty(name, out var index) ? match.Groups[index.GetInt32()].Value : null;
            var severity = Group("severity") ?? (matcher.TryGetProperty("severity", out var fallback) ? fallback.GetString() : null);
            Assert.That(severity, Is.AnyOf("error", "warning", "notice"), "the runner drops any other severity");
            return new Annotation(Group("file")!, Group("line")!, Group("column")!, severity!, Group("code")!, Group("message")!);
        }

        return null;
    }

    private sealed record Annotation(string File, string Line, string Column, string Severity, string Code, string Message);
}
