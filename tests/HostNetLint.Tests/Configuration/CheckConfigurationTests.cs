using HostNetLint.Cli;
using HostNetLint.Model;
using HostNetLint.Hosting.Configuration;
using HostNetLint.Rules.Engine;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Configuration;

/// <summary><c>hostnetlint check</c> in-process with the real model and engine: configuration options end to end.</summary>
[TestFixture]
public sealed class CheckConfigurationTests
{
    private const string Compose = "version: '3'\nservices:\n  web:\n    image: nginx\n";

    [Test]
    public void Severity_option_is_the_last_layer()
    {
        using var temp = new TempDirectory();
        temp.Write("compose.yaml", Compose);
        temp.Write(".editorconfig", "root = true\n[*.yaml]\ndotnet_diagnostic.HNL3001.severity = none\n");
        temp.Write("hostnetlint.yaml", "severity: { HNL3001: note }\n");
        var result = Run(temp.Path, "check", "--severity", "HNL3001=error");
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.FindingsAtOrAboveFailLevel), result.Stderr);
            Assert.That(result.Stdout, Does.StartWith("compose.yaml(1,1): error HNL3001: "));
        });
    }

    [Test]
    public void A_bad_severity_option_is_a_usage_error()
    {
        using var temp = new TempDirectory();
        temp.Write("compose.yaml", Compose);
        var result = Run(temp.Path, "check", "--severity", "HNL3001=loud");
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageOrToolError));
            Assert.That(result.Stderr, Does.Contain("'loud' is not a severity"));
        });
    }

    [Test]
    public void Fail_level_from_the_config_applies_unless_the_command_line_sets_one()
    {
        using var temp = new TempDirectory();
        temp.Write("compose.yaml", Compose);
        temp.Write("hostnetlint.yaml", "failLevel: note\n");
        Assert.Multiple(() =>
        {
            Assert.That(Run(temp.Path, "check").ExitCode, Is.EqualTo(ExitCodes.FindingsAtOrAboveFailLevel), "HNL3001 is a note and the config fails on notes");
            Assert.That(Run(temp.Path, "check", "--fail-level", "warning").ExitCode, Is.EqualTo(ExitCodes.Success));
        });
    }

    [Test]
    public void An_invalid_config_prints_HNL0006_lints_nothing_and_exits_2()
    {
        using var temp = new TempDirectory();
        temp.Write("compose.yaml", Compose);
        temp.Write("hostnetlint.yaml", "vmNetworks: [nope]\n");
        var result = Run(temp.Path, "check");
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageOrToolError));
            Assert.That(result.Stdout, Does.StartWith("hostnetlint.yaml(1,14): error HNL0006: 'nope' is not a network in CIDR notation"));
            Assert.That(result.Stdout, Does.Not.Contain("HNL3001"));
        });
    }

    [Test]
    public void Config_option_names_the_file()
    {
        using var temp = new TempDirectory();
        temp.Write("compose.yaml", Compose);
        temp.Write("ci/strict.yaml", "severity: { HNL3001: error }\n");
        var result = Run(temp.Path, "check", "--config", "ci/strict.yaml");
        Assert.That(result.Stdout, Does.StartWith("compose.yaml(1,1): error HNL3001: "));
    }

    [Test]
    public void Require_justification_reports_a_bare_suppression()
    {
        using var temp = new TempDirectory();
        temp.Write("compose.yaml", "version: '3' # hostnetlint-disable-line HNL3001\nservices:\n  web:\n    image: nginx\n");
        Assert.Multiple(() =>
        {
            Assert.That(Run(temp.Path, "check").Stdout, Does.StartWith("No findings"));
            Assert.That(Run(temp.Path, "check", "--require-justification").Stdout, Does.StartWith("compose.yaml(1,14): warning HNL0005: The suppression gives no reason"));
        });
    }

    [Test]
    public void Write_baseline_then_baseline_reports_only_new_findings_and_counts_known_ones()
    {
        using var temp = new TempDirectory();
        temp.Write("a/compose.yaml", Compose);
        Assert.That(Run(temp.Path, "check", "--write-baseline", "hostnetlint.baseline.sarif").ExitCode, Is.EqualTo(ExitCodes.Success));
        temp.Write("a/compose.yaml", "\n\n" + Compose);
        temp.Write("b/compose.yaml", Compose);
        var result = Run(temp.Path, "check", "--baseline", "hostnetlint.baseline.sarif", "--fail-level", "note");
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.FindingsAtOrAboveFailLevel));
            Assert.That(result.Stdout, Is.EqualTo("b/compose.yaml(1,1): note HNL3001: " + result.Stdout.Split(": ", 3)[2].Split('\n')[0] + "\n0 errors, 0 warnings, 1 note in 2 files (1 known in the baseline, not shown)\n"));
        });
    }

    [Test]
    public void Sarif_include_suppressed_writes_an_in_source_suppression_with_the_reason()
    {
        using var temp = new TempDirectory();
        temp.Write("compose.yaml", "version: '3' # hostnetlint-disable-line HNL3001 -- kept for compose v1\nservices:\n  web:\n    image: nginx\n");
        var result = Run(temp.Path, "check", "--format", "sarif", "--sarif-include-suppressed");
        var results = System.Text.Json.Nodes.JsonNode.Parse(result.Stdout)!["runs"]![0]!["results"]!.AsArray();
        var suppression = results.Single(r => (string?)r!["ruleId"] == "HNL3001")!["suppressions"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)suppression["kind"], Is.EqualTo("inSource"));
            Assert.That((string?)suppression["justification"], Is.EqualTo("kept for compose v1"));
            var plain = System.Text.Json.Nodes.JsonNode.Parse(Run(temp.Path, "check", "--format", "sarif").Stdout)!["runs"]![0]!["results"]!.AsArray();
            Assert.That(plain.Select(r => (string?)r!["ruleId"]), Does.Not.Contain("HNL3001"));
        });
    }

    [Test]
    public void A_missing_baseline_is_a_usage_error()
    {
        using var temp = new TempDirectory();
        temp.Write("compose.yaml", Compose);
        var result = Run(temp.Path, "check", "--baseline", "missing.sarif");
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageOrToolError));
            Assert.That(result.Stderr, Does.Contain("missing.sarif"));
        });
    }

    [Test]
    public void The_sample_configuration_is_valid_and_maps_the_unit_install_path()
    {
        var result = Run(Repository.Root, "check", "tests/sample-deployment");
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.FindingsAtOrAboveFailLevel), result.Stderr);
            Assert.That(result.Stdout, Does.Not.Contain("HNL0006"));
        });
    }

    [Test]
    public void The_sample_configuration_keeps_every_pinned_finding()
    {
        var settings = LintSettingsBuilder.Build(new LintSettingsRequest { Root = Repository.SampleDeployment });
        Assert.That(settings.ConfigFile, Is.EqualTo(Path.Combine(Repository.SampleDeployment, "hostnetlint.yaml")));
        Assert.That(settings.ModelOptions.PathMappings, Is.EquivalentTo(new Dictionary<string, string> { ["/opt/airflow"] = "airflow" }));
        var configured = LintEngine.Run(DeploymentModelBuilder.Build(Repository.SampleDeployment, [], settings.ModelOptions), settings.LintOptions);
        Assert.That(configured.Select(d => d.ToString()), Is.EqualTo(Lint.Directory(Repository.SampleDeployment).Select(d => d.ToString())));
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(string currentDirectory, params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var exitCode = CliApplication.Run(args, stdout, stderr, currentDirectory);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
