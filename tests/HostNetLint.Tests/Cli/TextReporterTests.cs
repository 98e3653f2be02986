using System.Collections.Immutable;
using HostNetLint.Cli.Output;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Tests.Cli;

[TestFixture]
public sealed class TextReporterTests
{
    private static readonly string Repo = TestDiagnostics.FakeRepository;

    private static CheckReport Report(int fileCount, params Diagnostic[] diagnostics) =>
        new([.. diagnostics], fileCount, Repo, Repo);

    [Test]
    public void A_finding_is_path_line_column_severity_id_and_message()
    {
        const string Text = "services:\n  web:\n    ports:\n      - \"8888:8080\"\n";
        var diagnostic = TestDiagnostics.At(
            Path.Combine(Repo, "airflow", "docker-compose.yaml"), Text, "ports", Severity.Warning, "Service 'web' cannot reach the VM network");

        var lines = TextReporter.FormatLines(Report(1, diagnostic));

        Assert.That(lines[0], Is.EqualTo("airflow/docker-compose.yaml(3,5): warning HNL1901: Service 'web' cannot reach the VM network"));
    }

    [TestCase(Severity.Error, "error")]
    [TestCase(Severity.Warning, "warning")]
    [TestCase(Severity.Note, "note")]
    public void The_severity_is_written_in_lower_case(Severity severity, string expected)
    {
        var diagnostic = TestDiagnostics.AtLine("a.yaml", 1, 1, severity, "m");

        Assert.That(TextReporter.FormatLines(Report(1, diagnostic))[0], Is.EqualTo($"a.yaml(1,1): {expected} HNL1901: m"));
    }

    [Test]
    public void Lines_and_columns_are_one_based()
    {
        var diagnostic = TestDiagnostics.At("a.yaml", "x", "x", Severity.Error, "m");

        Assert.That(TextReporter.FormatLines(Report(1, diagnostic))[0], Does.StartWith("a.yaml(1,1): "));
    }

    [Test]
    public void Crlf_files_count_lines_and_columns_like_lf_files()
    {
        const string Crlf = "version: '3.8'\r\nservices:\r\n  web:\r\n    network_mode: bridge\r\n";
        var diagnostic = TestDiagnostics.At("compose.yaml", Crlf, "network_mode", Severity.Warning, "m");

        Assert.That(TextReporter.FormatLines(Report(1, diagnostic))[0], Is.EqualTo("compose.yaml(4,5): warning HNL1901: m"));
    }

    [Test]
    public void A_lone_carriage_return_also_ends_a_line()
    {
        var diagnostic = TestDiagnostics.At("old.yaml", "a: 1\rb: 2\r", "b", Severity.Note, "m");

        Assert.That(TextReporter.FormatLines(Report(1, diagnostic))[0], Is.EqualTo("old.yaml(2,1): note HNL1901: m"));
    }

    [Test]
    public void A_message_with_line_breaks_stays_on_one_line_with_the_breaks_escaped()
    {
        var diagnostic = TestDiagnostics.AtLine("a.yaml", 1, 1, Severity.Warning, "first\r\n  second\nthird");

        Assert.That(TextReporter.FormatLines(Report(1, diagnostic))[0], Is.EqualTo("a.yaml(1,1): warning HNL1901: first\\r\\n  second\\nthird"));
    }

    [Test]
    public void Findings_are_sorted_by_path_then_line_then_column_numerically()
    {
        var lines = TextReporter.FormatLines(Report(
            2,
            TestDiagnostics.AtLine("b.yaml", 1, 1, Severity.Error, "b1"),
            TestDiagnostics.AtLine("a.yaml", 10, 1, Severity.Warning, "a10"),
            TestDiagnostics.AtLine("a.yaml", 9, 7, Severity.Note, "a9c7"),
            TestDiagnostics.AtLine("a.yaml", 9, 3, Severity.Note, "a9c3")));

        string[] expected = ["a9c3", "a9c7", "a10", "b1", "files"];
        Assert.That(lines.Select(l => l[(l.LastIndexOf(' ') + 1)..]), Is.EqualTo(expected));
    }

    [Test]
    public void Findings_at_the_same_position_are_sorted_by_rule_id_then_message()
    {
        var lines = TextReporter.FormatLines(Report(
            1,
            TestDiagnostics.AtLine("a.yaml", 2, 2, Severity.Note, "z", TestDiagnostics.HygieneRule),
            TestDiagnostics.AtLine("a.yaml", 2, 2, Severity.Warning, "y", TestDiagnostics.NetworkRule),
            TestDiagnostics.AtLine("a.yaml", 2, 2, Severity.Warning, "x", TestDiagnostics.NetworkRule),
            TestDiagnostics.AtLine("a.yaml", 2, 2, Severity.Error, "w", TestDiagnostics.InputRule)));

        string[] expected =
        [
            "a.yaml(2,2): error HNL0901: w",
            "a.yaml(2,2): warning HNL1901: x",
            "a.yaml(2,2): warning HNL1901: y",
            "a.yaml(2,2): note HNL3901: z",
        ];
        Assert.That(lines.Take(4), Is.EqualTo(expected));
    }

    [Test]
    public void Sorting_uses_the_shown_path_not_the_path_in_the_diagnostic()
    {
        // Absolute "…/repo/z.yaml" would sort after relative "b/a.yaml" as written, but both show relative to the repository.
        var lines = TextReporter.FormatLines(Report(
            2,
            TestDiagnostics.AtLine(Path.Combine(Repo, "z.yaml"), 1, 1, Severity.Warning, "z"),
            TestDiagnostics.AtLine("b/a.yaml", 1, 1, Severity.Warning, "b")));

        string[] expected = ["b/a.yaml(1,1): warning HNL1901: b", "z.yaml(1,1): warning HNL1901: z"];
        Assert.That(lines.Take(2), Is.EqualTo(expected));
    }

    [Test]
    public void Paths_are_shown_relative_to_the_current_directory()
    {
        var diagnostic = TestDiagnostics.AtLine(Path.Combine(Repo, "airflow", "docker-compose.yaml"), 1, 1, Severity.Warning, "m");
        var fromAirflow = new CheckReport([diagnostic], 1, Repo, Path.Combine(Repo, "airflow"));
        var fromParent = new CheckReport([diagnostic], 1, Repo, Path.GetDirectoryName(Repo)!);
        var fromSibling = new CheckReport([diagnostic], 1, Repo, Path.Combine(Repo, "docs"));

        Assert.Multiple(() =>
        {
            Assert.That(TextReporter.FormatLines(fromAirflow)[0], Does.StartWith("docker-compose.yaml(1,1)"));
            Assert.That(TextReporter.FormatLines(fromParent)[0], Does.StartWith("repo/airflow/docker-compose.yaml(1,1)"));
            Assert.That(TextReporter.FormatLines(fromSibling)[0], Does.StartWith("../airflow/docker-compose.yaml(1,1)"));
        });
    }

    [Test]
    public void Relative_diagnostic_paths_are_taken_relative_to_the_linted_root()
    {
        var diagnostic = TestDiagnostics.AtLine("airflow/airflow.service", 3, 1, Severity.Warning, "m");
        var report = new CheckReport([diagnostic], 1, Path.Combine(Repo, "deploy"), Repo);

        Assert.That(TextReporter.FormatLines(report)[0], Does.StartWith("deploy/airflow/airflow.service(3,1)"));
    }

    [Test]
    public void No_findings_gives_only_the_summary()
    {
        string[] expected = ["No findings in 3 files"];
        Assert.That(TextReporter.FormatLines(Report(3)), Is.EqualTo(expected));
    }

    [TestCase(0, "No findings in 0 files")]
    [TestCase(1, "No findings in 1 file")]
    [TestCase(2, "No findings in 2 files")]
    public void The_summary_without_findings_counts_files(int files, string expected)
    {
        Assert.That(TextReporter.FormatSummary([], files), Is.EqualTo(expected));
    }

    [Test]
    public void The_summary_counts_each_severity_with_singular_and_plural()
    {
        var diagnostics = new[]
        {
            TestDiagnostics.AtLine("a.yaml", 1, 1, Severity.Error),
            TestDiagnostics.AtLine("a.yaml", 2, 1, Severity.Error),
            TestDiagnostics.AtLine("a.yaml", 3, 1, Severity.Error),
            TestDiagnostics.AtLine("b.yaml", 1, 1, Severity.Warning),
        };

        Assert.Multiple(() =>
        {
            Assert.That(TextReporter.FormatSummary(diagnostics, 2), Is.EqualTo("3 errors, 1 warning, 0 notes in 2 files"));
            Assert.That(TextReporter.FormatSummary([diagnostics[0]], 1), Is.EqualTo("1 error, 0 warnings, 0 notes in 1 file"));
            Assert.That(
                TextReporter.FormatSummary([TestDiagnostics.AtLine("a.yaml", 1, 1, Severity.Note)], 4),
                Is.EqualTo("0 errors, 0 warnings, 1 note in 4 files"));
        });
    }

    [Test]
    public void The_summary_is_the_last_line()
    {
        var lines = TextReporter.FormatLines(Report(1, TestDiagnostics.AtLine("a.yaml", 1, 1, Severity.Warning)));

        Assert.That(lines, Has.Count.EqualTo(2));
        Assert.That(lines[^1], Is.EqualTo("0 errors, 1 warning, 0 notes in 1 file"));
    }

    [Test]
    public void Write_writes_one_line_per_finding_and_the_summary()
    {
        using var output = new StringWriter { NewLine = "\n" };
        new TextReporter().Write(Report(1, TestDiagnostics.AtLine("a.yaml", 2, 3, Severity.Error, "m")), output);

        Assert.That(output.ToString(), Is.EqualTo("a.yaml(2,3): error HNL1901: m\n1 error, 0 warnings, 0 notes in 1 file\n"));
    }

    [Test]
    public void The_text_format_is_the_default_reporter()
    {
        Assert.Multiple(() =>
        {
            Assert.That(OutputFormats.Names[0], Is.EqualTo("text"));
            Assert.That(OutputFormats.TryParse("TEXT", out var format), Is.True);
            Assert.That(OutputFormats.CreateReporter(format), Is.InstanceOf<TextReporter>());
            Assert.That(OutputFormats.TryParse("sarif", out var sarif), Is.True);
            Assert.That(OutputFormats.CreateReporter(sarif), Is.InstanceOf<SarifReporter>());
            Assert.That(OutputFormats.TryParse("xml", out _), Is.False);
        });
    }

    [Test]
    public void An_empty_report_array_is_accepted()
    {
        Assert.That(TextReporter.FormatLines(new CheckReport(ImmutableArray<Diagnostic>.Empty, 0, Repo, Repo)), Has.Count.EqualTo(1));
    }
}
