using System.Text.Json;
using System.Xml.Linq;
using HostNetLint.Cli;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.CiFormats;

/// <summary><c>--report FORMAT=PATH</c>: one lint, several reports, the exit code of the findings, one report per destination.</summary>
[TestFixture]
public sealed class ReportOptionTests
{
    [Test]
    public void One_run_writes_SARIF_JUnit_GitLab_JSON_and_annotations_together_with_the_usual_exit_code()
    {
        using var temp = new TempDirectory();
        var sarif = Path.Combine(temp.Path, "out.sarif");
        var summary = Path.Combine(temp.Path, "summary.md");

        var result = Reports.Run(
            Repository.Root,
            new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = summary },
            ["check", "--report", $"sarif={sarif}", "--report", $"junit={temp.Path}/out.xml", "--report", $"gitlab={temp.Path}/cq.json", "--report", $"json={temp.Path}/report.json", "--report", "github=-", .. Reports.SamplePaths]);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.FindingsAtOrAboveFailLevel), result.Stderr);
            Assert.That(Reports.Normalize(result.Stdout), Is.EqualTo(Golden.Read("sample-deployment/github.txt")), "github=- took standard output from the default text report");
            Assert.That(File.ReadAllText($"{temp.Path}/out.xml"), Is.EqualTo(Golden.Read("sample-deployment/junit.xml")));
            Assert.That(File.ReadAllText($"{temp.Path}/cq.json"), Is.EqualTo(Golden.Read("sample-deployment/gitlab.json")));
            Assert.That(Reports.Normalize(File.ReadAllText($"{temp.Path}/report.json")), Is.EqualTo(Golden.Read("sample-deployment/report.json")));
            Assert.That(File.ReadAllText(summary), Is.EqualTo(Golden.Read("sample-deployment/github-summary.md")));
            Assert.That(JsonDocument.Parse(File.ReadAllBytes(sarif)).RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength(), Is.EqualTo(6));
            Assert.That(File.ReadAllBytes(sarif)[0], Is.EqualTo((byte)'{'), "SARIF without a byte-order mark");
        });
    }

    [Test]
    public void The_format_and_the_reports_are_written_side_by_side()
    {
        using var temp = new TempDirectory();
        var result = Reports.Run(Repository.Root, null, ["check", "--format", "text", "--report", $"junit={temp.Path}/a.xml", .. Reports.SamplePaths]);
        Assert.Multiple(() =>
        {
            Assert.That(result.Stdout, Is.EqualTo(Golden.Read("sample-deployment/text.txt")));
            Assert.That(XDocument.Load($"{temp.Path}/a.xml").Root!.Name.LocalName, Is.EqualTo("testsuites"));
        });
    }

    [Test]
    public void The_exit_code_follows_the_fail_level_whatever_the_reports()
    {
        using var temp = new TempDirectory();
        var result = Reports.Run(Repository.Root, null, ["check", "--fail-level", "error", "--report", $"json={temp.Path}/r.json", .. Reports.SamplePaths, "--exclude", "**/*.service", "--exclude", "**/.env"]);
        var errors = JsonDocument.Parse(File.ReadAllText($"{temp.Path}/r.json")).RootElement.GetProperty("summary").GetProperty("errors").GetInt32();
        Assert.That(result.ExitCode, Is.EqualTo(errors > 0 ? ExitCodes.FindingsAtOrAboveFailLevel : ExitCodes.Success));
    }

    [TestCase(new[] { "--format", "json", "--report", "github=-" }, "--format json and --report github=- would all write to standard output")]
    [TestCase(new[] { "--report", "github=-", "--report", "json=-" }, "--report github=- and --report json=- would all write to standard output")]
    [TestCase(new[] { "--output", "same.txt", "--report", "json=same.txt" }, "--format text and --report json=same.txt would write the same file")]
    public void Two_reports_to_one_destination_are_a_usage_error(string[] options, string message)
    {
        using var temp = new TempDirectory();
        var result = Reports.Run(temp.Path, null, ["check", .. options]);
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageOrToolError));
            Assert.That(result.Stderr, Does.StartWith($"hostnetlint: error: {message}"));
            Assert.That(result.Stdout, Is.Empty);
            Assert.That(File.Exists(Path.Combine(temp.Path, "same.txt")), Is.False);
        });
    }

    [TestCase("junit", "'junit' is not FORMAT=PATH")]
    [TestCase("junit=", "'junit=' is not FORMAT=PATH")]
    [TestCase("xml=out.xml", "'xml' is not a format; expected one of text, sarif, github, junit, gitlab, json")]
    public void A_malformed_report_option_is_a_usage_error(string value, string message)
    {
        var result = Reports.Run(Repository.Root, null, "check", "--report", value);
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageOrToolError));
            Assert.That(result.Stderr, Does.Contain($"--report {message}"));
        });
    }

    [Test]
    public void Without_GITHUB_STEP_SUMMARY_no_summary_is_written_anywhere()
    {
        using var temp = TempDirectory.CopyOf(Repository.SampleDeployment);
        var result = Reports.Run(temp.Path, null, "check", "--format", "github");
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(Directory.EnumerateFiles(temp.Path, "*.md", SearchOption.AllDirectories).Select(Path.GetFileName), Is.EquivalentTo(new[] { "README.md" }));
        });
    }
}
