using System.Text.RegularExpressions;
using HostNetLint.Cli;

using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Cli;

/// <summary>
/// <c>check</c> over tests/sample-deployment (ADR-0043's state before the fix). These need the model
/// builder and the rule catalogue, which are built on other branches; they turn green at integration.
/// </summary>
[TestFixture]
[Category("EndToEnd")]
public sealed partial class CheckEndToEndTests
{
    private static readonly string RepositoryRoot = Repository.Root;
    private static readonly string Sample = Path.Combine(RepositoryRoot, "tests", "sample-deployment");

    [Test]
    public void The_sample_deployment_fails_with_findings_in_the_compose_file()
    {
        var result = Run(RepositoryRoot, "check", "tests/sample-deployment");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.FindingsAtOrAboveFailLevel), result.Stderr);
            Assert.That(result.Stderr, Is.Empty);
            Assert.That(result.Findings, Is.Not.Empty);
            Assert.That(result.Findings, Has.All.Match(@"^tests/sample-deployment/airflow/[^(]+\(\d+,\d+\): (error|warning|note) HNL\d{4}: \S.*$"));
            Assert.That(result.Findings, Has.Some.Match(@"^tests/sample-deployment/airflow/docker-compose\.yaml\(\d+,\d+\): (error|warning) HNL1\d{3}: "));
            Assert.That(result.Summary, Does.Match(@"^\d+ errors?, \d+ warnings?, \d+ notes? in \d+ files?$"));
        });
    }

    [Test]
    public void Findings_are_sorted_by_path_and_position()
    {
        var result = Run(RepositoryRoot, "check", "tests/sample-deployment");
        var keys = result.Findings.Select(ParseKey).ToList();

        Assert.That(result.ExitCode, Is.Not.EqualTo(ExitCodes.UsageOrToolError), result.Stderr);
        Assert.That(keys, Is.Ordered.Using((IComparer<(string Path, int Line, int Column)>)Comparer<(string Path, int Line, int Column)>.Create(CompareKeys)));
    }

    [Test]
    public void The_summary_counts_the_findings_shown()
    {
        var result = Run(RepositoryRoot, "check", "tests/sample-deployment");
        var match = SummaryPattern().Match(result.Summary);

        Assert.That(match.Success, Is.True, result.Summary);
        Assert.Multiple(() =>
        {
            Assert.That(int.Parse(match.Groups["errors"].Value), Is.EqualTo(result.Findings.Count(f => f.Contains("): error HNL", StringComparison.Ordinal))));
            Assert.That(int.Parse(match.Groups["warnings"].Value), Is.EqualTo(result.Findings.Count(f => f.Contains("): warning HNL", StringComparison.Ordinal))));
            Assert.That(int.Parse(match.Groups["notes"].Value), Is.EqualTo(result.Findings.Count(f => f.Contains("): note HNL", StringComparison.Ordinal))));
            Assert.That(int.Parse(match.Groups["files"].Value), Is.GreaterThanOrEqualTo(2), "the compose file and the unit at least");
        });
    }

    [Test]
    public void Paths_are_relative_to_the_current_directory()
    {
        var result = Run(Sample, "check");

        Assert.That(result.Findings, Is.Not.Empty);
        Assert.That(result.Findings, Has.All.StartWith("airflow/"));
    }

    [Test]
    public void A_single_file_can_be_checked()
    {
        var result = Run(Path.Combine(Sample, "airflow"), "check", "docker-compose.yaml");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.FindingsAtOrAboveFailLevel), result.Stderr);
            Assert.That(result.Findings, Has.Some.StartWith("docker-compose.yaml("));
            Assert.That(result.Findings, Has.None.StartWith("airflow.service("));
        });
    }

    [Test]
    public void Excluded_files_are_not_reported()
    {
        var result = Run(Sample, "check", "--exclude", "airflow/airflow.service");

        Assert.That(result.ExitCode, Is.Not.EqualTo(ExitCodes.UsageOrToolError), result.Stderr);
        Assert.That(result.Findings, Has.None.StartWith("airflow/airflow.service("));
    }

    [TestCase("error")]
    [TestCase("warning")]
    [TestCase("note")]
    public void The_exit_code_follows_the_fail_level(string failLevel)
    {
        var result = Run(Sample, "check", "--fail-level", failLevel);
        var ranks = new Dictionary<string, int> { ["note"] = 1, ["warning"] = 2, ["error"] = 3 };
        var failing = result.Findings.Any(f => ranks[SeverityPattern().Match(f).Groups[1].Value] >= ranks[failLevel]);

        Assert.That(result.ExitCode, Is.EqualTo(failing ? ExitCodes.FindingsAtOrAboveFailLevel : ExitCodes.Success), result.Stderr);
    }

    private static (string Path, int Line, int Column) ParseKey(string finding)
    {
        var match = PositionPattern().Match(finding);
        return (match.Groups[1].Value, int.Parse(match.Groups[2].Value), int.Parse(match.Groups[3].Value));
    }

    private static int CompareKeys((string Path, int Line, int Column) a, (string Path, int Line, int Column) b)
    {
        var byPath = string.CompareOrdinal(a.Path, b.Path);
        return byPath != 0 ? byPath : a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column);
    }

    private static EndToEndResult Run(string currentDirectory, params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var exitCode = CliApplication.Run(args, stdout, stderr, currentDirectory);
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return new EndToEndResult(exitCode, lines.Length > 0 ? lines[^1] : "", [.. lines.SkipLast(1)], stderr.ToString());
    }

    [GeneratedRegex(@"^(.*)\((\d+),(\d+)\): ")]
    private static partial Regex PositionPattern();

    [GeneratedRegex(@"\): (error|warning|note) HNL")]
    private static partial Regex SeverityPattern();

    [GeneratedRegex(@"^((?<errors>\d+) errors?, (?<warnings>\d+) warnings?, (?<notes>\d+) notes?|No findings) in (?<files>\d+) files?$")]
    private static partial Regex SummaryPattern();

    private sealed record EndToEndResult(int ExitCode, string Summary, IReadOnlyList<string> Findings, string Stderr);
}
