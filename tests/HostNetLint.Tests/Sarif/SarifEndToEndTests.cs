using HostNetLint.Reporting.Sarif;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Sarif;

/// <summary>
/// SARIF of the real model and rules over tests/sample-deployment (ADR-0043's state before the fix).
/// Needs the model builder and the sample, which are built on other branches; green at integration.
/// </summary>
[TestFixture]
[Category("EndToEnd")]
public sealed class SarifEndToEndTests
{
    [Test]
    public void The_sample_deployment_is_accepted_with_findings_in_its_compose_file()
    {
        var options = new SarifOptions { SourceRoot = Repository.Root, DiagnosticPathBase = Repository.SampleDeployment, ToolVersion = "0.1.0" };

        var sarif = WrittenSarif.Of(Lint.Directory(Repository.SampleDeployment), options).AssertAcceptedByCodeScanning();

        var uris = sarif.Results.Select(r => r!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(sarif.Results, Is.Not.Empty);
            Assert.That(uris, Has.All.StartWith("tests/sample-deployment/"), "relative to the repository root, not the linted folder");
            Assert.That(uris, Has.Some.EqualTo("tests/sample-deployment/airflow/docker-compose.yaml"));
            Assert.That(sarif.Results.Select(r => r!["ruleId"]!.GetValue<string>()), Has.Some.StartWith("HNL1"));
        });
    }

    [Test]
    public void Inserting_lines_at_the_top_of_the_sample_compose_file_keeps_every_fingerprint()
    {
        using var copy = new TempDirectory();
        foreach (var file in Directory.EnumerateFiles(Repository.SampleDeployment, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Repository.SampleDeployment, file);
            var text = File.ReadAllText(file);
            copy.Write(relative, relative.EndsWith("docker-compose.yaml", StringComparison.Ordinal) ? "# moved down\n# by two lines\n" + text : text);
        }

        var options = new SarifOptions { SourceRoot = Repository.SampleDeployment, ToolVersion = "0.1.0" };
        var copyOptions = options with { SourceRoot = copy.Path };
        var before = WrittenSarif.Of(Lint.Directory(Repository.SampleDeployment), options);
        var after = WrittenSarif.Of(Lint.Directory(copy.Path), copyOptions);

        static List<string> Fingerprints(WrittenSarif sarif) =>
            [.. sarif.Results.Select(r => r!["partialFingerprints"]![HostNetLint.Reporting.Sarif.Fingerprints.Key]!.GetValue<string>()).Order(StringComparer.Ordinal)];

        Assert.Multiple(() =>
        {
            Assert.That(Fingerprints(before), Is.Not.Empty);
            Assert.That(Fingerprints(after), Is.EqualTo(Fingerprints(before)));
            Assert.That(Fingerprints(before), Is.Unique);
        });
    }
}
