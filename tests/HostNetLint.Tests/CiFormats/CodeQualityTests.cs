using System.Text.Json;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.CiFormats;

/// <summary>
/// The gitlab format against GitLab's documented Code Quality fields ("Code Quality", "Implement a custom tool"):
/// a JSON array of objects with description, check_name, fingerprint (unique), severity (info, minor, major,
/// critical, blocker), location.path (relative to the repository root) and location.lines.begin (an integer).
/// </summary>
[TestFixture]
public sealed class CodeQualityTests
{
    private static readonly string[] Levels = ["info", "minor", "major", "critical", "blocker"];

    [TestCase("sample-deployment")]
    [TestCase("hostile-names")]
    public void Every_issue_has_exactly_the_documented_fields_with_their_types(string input)
    {
        var issues = JsonDocument.Parse(Golden.Read($"{input}/gitlab.json")).RootElement;
        Assert.That(issues.ValueKind, Is.EqualTo(JsonValueKind.Array));
        Assert.That(issues.GetArrayLength(), Is.GreaterThan(0));
        Assert.Multiple(() =>
        {
            foreach (var issue in issues.EnumerateArray())
            {
                Assert.That(issue.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "description", "check_name", "fingerprint", "severity", "location" }));
                Assert.That(issue.GetProperty("description").GetString(), Is.Not.Empty);
                Assert.That(issue.GetProperty("check_name").GetString(), Does.Match("^HNL[0-9]{4}$"));
                Assert.That(issue.GetProperty("fingerprint").GetString(), Is.Not.Empty);
                Assert.That(issue.GetProperty("severity").GetString(), Is.AnyOf(Levels));
                var location = issue.GetProperty("location");
                Assert.That(location.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "path", "lines" }));
                var path = location.GetProperty("path").GetString()!;
                Assert.That(path, Does.Not.StartWith("./").And.Not.StartWith("/"));
                Assert.That(location.GetProperty("lines").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "begin" }));
                Assert.That(location.GetProperty("lines").GetProperty("begin").ValueKind, Is.EqualTo(JsonValueKind.Number));
                Assert.That(location.GetProperty("lines").GetProperty("begin").GetInt32(), Is.GreaterThanOrEqualTo(1));
            }

            Assert.That(issues.EnumerateArray().Select(i => i.GetProperty("fingerprint").GetString()), Is.Unique);
        });
    }

    [Test]
    public void Fingerprints_are_the_SARIF_ones_and_do_not_change_when_lines_move()
    {
        using var temp = TempDirectory.CopyOf(Repository.SampleDeployment);
        Directory.CreateDirectory(Path.Combine(temp.Path, ".git"));
        var before = Fingerprints(Reports.Run(temp.Path, null, "check", "--format", "gitlab").Stdout);
        var sarif = JsonDocument.Parse(Reports.Run(temp.Path, null, "check", "--format", "sarif").Stdout).RootElement
            .GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("ruleId").GetString()!, r.GetProperty("partialFingerprints").GetProperty("hostNetLint/v1").GetString()!));

        var compose = Path.Combine(temp.Path, "airflow", "docker-compose.yaml");
        File.WriteAllText(compose, "# a comment that moves every line\n\n" + File.ReadAllText(compose));
        var after = Fingerprints(Reports.Run(temp.Path, null, "check", "--format", "gitlab").Stdout);

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.EquivalentTo(sarif));
            Assert.That(after, Is.EquivalentTo(before));
        });
    }

    [TestCase("error", "critical")]
    [TestCase("warning", "major")]
    [TestCase("note", "info")]
    public void Severities_map_to_GitLab_levels(string severity, string level)
    {
        Assert.That(Reporting.GitLab.CodeQualityReportWriter.LevelOf(Enum.Parse<HostNetLint.Rules.Diagnostics.Severity>(severity, ignoreCase: true)), Is.EqualTo(level));
    }

    private static List<(string, string)> Fingerprints(string json) =>
        [.. JsonDocument.Parse(json).RootElement.EnumerateArray().Select(i => (i.GetProperty("check_name").GetString()!, i.GetProperty("fingerprint").GetString()!))];
}
