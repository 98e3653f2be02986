using HostNetLint.Reporting.Baseline;
using HostNetLint.Reporting.Sarif;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Configuration;

[TestFixture]
public sealed class BaselineTests
{
    private const string Today = """
        version: '3.8'
        services:
          airflow-webserver:
            image: quay.io/qubinode/airflow:2.10.5
            network_mode: host
            ports: ["127.0.0.1:8888:8888"]
        """;

    [Test]
    public void A_baseline_hides_todays_findings_even_after_lines_moved_and_still_reports_a_new_one()
    {
        using var temp = new TempDirectory();
        temp.Write("compose.yaml", Today);
        var options = Options(temp.Path);
        var baselinePath = Path.Combine(temp.Path, "hostnetlint.baseline.sarif");
        var today = Lint.Directory(temp.Path);
        Assert.That(today.Select(d => d.Id), Is.SupersetOf(new[] { "HNL1002", "HNL3001" }));
        SarifBaseline.Write(today, baselinePath, options);

        // Lines inserted above every finding, and a second host-network service with published ports.
        temp.Write("compose.yaml", "# managed by the platform team\n\n" + Today.Replace("services:\n", "services:\n  x-doc: &doc\n    a: 1\n", StringComparison.Ordinal) + """

              airflow-scheduler:
                image: quay.io/qubinode/airflow:2.10.5
                network_mode: host
                ports: ["8793:8793"]
            """);
        var later = Lint.Directory(temp.Path);
        var baseline = SarifBaseline.TryRead(baselinePath, out var error);
        Assert.That(error, Is.Null);
        var outcome = baseline!.Apply(later, options);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Known.Select(d => d.Id).Order(), Is.EqualTo(today.Select(d => d.Id).Order()), "every finding of today is known after the lines moved");
            Assert.That(outcome.New.Where(d => d.Id == "HNL1002").Select(d => d.Location.LineSpan.Start.Line), Is.EqualTo(new[] { 13 }), string.Join('\n', outcome.New));
        });
    }

    [Test]
    public void The_baseline_is_a_sarif_log()
    {
        using var temp = new TempDirectory();
        temp.Write("compose.yaml", Today);
        var path = Path.Combine(temp.Path, "baseline.sarif");
        SarifBaseline.Write(Lint.Directory(temp.Path), path, Options(temp.Path));
        var log = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)log["version"], Is.EqualTo("2.1.0"));
            Assert.That(log["runs"]![0]!["results"]!.AsArray(), Is.Not.Empty);
        });
    }

    [TestCase("")]
    [TestCase("{ not json")]
    [TestCase("{\"version\": \"2.1.0\"}")]
    public void A_bad_baseline_is_an_error_not_an_exception(string text)
    {
        using var temp = new TempDirectory();
        var path = temp.Write("baseline.sarif", text);
        Assert.Multiple(() =>
        {
            Assert.That(SarifBaseline.TryRead(path, out var error), Is.Null);
            Assert.That(error, Does.Contain("baseline").Or.Contain("SARIF"));
        });
    }

    [Test]
    public void A_missing_baseline_is_an_error()
    {
        Assert.That(SarifBaseline.TryRead(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".sarif"), out var error), Is.Null);
        Assert.That(error, Is.Not.Null);
    }

    private static SarifOptions Options(string root) => new() { SourceRoot = root, DiagnosticPathBase = root, ToolVersion = "0.0.0" };
}
