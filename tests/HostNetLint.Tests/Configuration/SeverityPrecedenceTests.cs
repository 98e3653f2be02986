using HostNetLint.Model;
using HostNetLint.Hosting.Configuration;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Configuration;

/// <summary>Layering: rule default &lt; .editorconfig (ID over category over all; nearer over farther) &lt; hostnetlint.yaml &lt; command line.</summary>
[TestFixture]
public sealed class SeverityPrecedenceTests
{
    // HNL3001 (ComposeHygiene, note) at line 1 of each compose file.
    private const string Compose = "version: '3'\nservices:\n  web:\n    image: nginx\n";

    [Test]
    public void Without_configuration_the_rule_default_applies()
    {
        Assert.That(SeverityOfHnl3001(new() { [".editorconfig"] = "root = true\n" }), Is.EqualTo(Severity.Note));
    }

    [Test]
    public void Id_key_beats_category_key_which_beats_the_all_rules_key()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SeverityOfHnl3001(new() { [".editorconfig"] = "root = true\n[*.yaml]\ndotnet_analyzer_diagnostic.severity = error\n" }), Is.EqualTo(Severity.Error));
            Assert.That(SeverityOfHnl3001(new() { [".editorconfig"] = "root = true\n[*.yaml]\ndotnet_analyzer_diagnostic.severity = error\ndotnet_analyzer_diagnostic.category-ComposeHygiene.severity = warning\n" }), Is.EqualTo(Severity.Warning));
            Assert.That(SeverityOfHnl3001(new() { [".editorconfig"] = "root = true\n[*.yaml]\ndotnet_diagnostic.HNL3001.severity = suggestion\ndotnet_analyzer_diagnostic.category-ComposeHygiene.severity = error\ndotnet_analyzer_diagnostic.severity = error\n" }), Is.EqualTo(Severity.Note));
        });
    }

    [Test]
    public void Id_key_in_a_farther_file_beats_a_category_key_in_a_nearer_one()
    {
        // Roslyn merges the files first, then applies key precedence.
        var files = new Dictionary<string, string>
        {
            [".editorconfig"] = "root = true\n[*.yaml]\ndotnet_diagnostic.HNL3001.severity = error\n",
            ["app/.editorconfig"] = "[*.yaml]\ndotnet_analyzer_diagnostic.category-ComposeHygiene.severity = warning\n",
        };
        Assert.That(SeverityOfHnl3001(files), Is.EqualTo(Severity.Error));
    }

    [Test]
    public void Nearer_editorconfig_beats_farther()
    {
        var files = new Dictionary<string, string>
        {
            [".editorconfig"] = "root = true\n[*.yaml]\ndotnet_diagnostic.HNL3001.severity = error\n",
            ["app/.editorconfig"] = "[*.{yml,yaml}]\ndotnet_diagnostic.HNL3001.severity = warning\n",
        };
        Assert.That(SeverityOfHnl3001(files), Is.EqualTo(Severity.Warning));
    }

    [Test]
    public void Root_true_stops_the_search()
    {
        var files = new Dictionary<string, string>
        {
            [".editorconfig"] = "root = true\n[*.yaml]\ndotnet_diagnostic.HNL3001.severity = error\n",
            ["app/.editorconfig"] = "root = true\n[*.md]\nx = y\n",
        };
        Assert.That(SeverityOfHnl3001(files), Is.EqualTo(Severity.Note));
    }

    [Test]
    public void Sections_must_match_the_file_and_later_sections_win()
    {
        var files = new Dictionary<string, string>
        {
            [".editorconfig"] = "root = true\n[*.service]\ndotnet_diagnostic.HNL3001.severity = error\n[app/*.yaml]\ndotnet_diagnostic.HNL3001.severity = error\n[**/app/compose.yaml]\ndotnet_diagnostic.HNL3001.severity = warning\n",
        };
        Assert.That(SeverityOfHnl3001(files), Is.EqualTo(Severity.Warning));
    }

    [Test]
    public void None_silent_and_default_values()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SeverityOfHnl3001(new() { [".editorconfig"] = "root = true\n[*]\ndotnet_diagnostic.HNL3001.severity = none\n" }), Is.Null);
            Assert.That(SeverityOfHnl3001(new() { [".editorconfig"] = "root = true\n[*]\ndotnet_diagnostic.HNL3001.severity = silent\n" }), Is.Null);
            Assert.That(SeverityOfHnl3001(new() { [".editorconfig"] = "root = true\n[*]\ndotnet_analyzer_diagnostic.severity = error\ndotnet_diagnostic.HNL3001.severity = default\n" }), Is.EqualTo(Severity.Note));
            Assert.That(SeverityOfHnl3001(new() { [".editorconfig"] = "root = true\n[*]\ndotnet_diagnostic.HNL3001.severity = bogus\ndotnet_analyzer_diagnostic.severity = warning\n" }), Is.EqualTo(Severity.Warning));
        });
    }

    [Test]
    public void Hostnetlint_yaml_beats_editorconfig()
    {
        var files = new Dictionary<string, string>
        {
            [".editorconfig"] = "root = true\n[*.yaml]\ndotnet_diagnostic.HNL3001.severity = error\n",
            ["hostnetlint.yaml"] = "severity:\n  HNL3001: warning\n",
        };
        Assert.That(SeverityOfHnl3001(files), Is.EqualTo(Severity.Warning));
    }

    [Test]
    public void Command_line_beats_everything()
    {
        var files = new Dictionary<string, string>
        {
            [".editorconfig"] = "root = true\n[*.yaml]\ndotnet_diagnostic.HNL3001.severity = none\n",
            ["hostnetlint.yaml"] = "severity:\n  HNL3001: warning\n",
        };
        Assert.That(SeverityOfHnl3001(files, cli: Severity.Error), Is.EqualTo(Severity.Error));
    }

    /// <summary>
    /// HNL1008 reports a note where it assumes the podman-compose release and an error where targets: names an affected
    /// one: every layer overrides both, and `default` in any layer restores each finding's own (Roslyn's ReportDiagnostic.Default).
    /// </summary>
    [TestCase("", "", "note error")]
    [TestCase("[*]\ndotnet_analyzer_diagnostic.category-networking.severity = warning\n", "", "warning warning")]
    [TestCase("[*]\ndotnet_analyzer_diagnostic.severity = none\ndotnet_diagnostic.HNL1008.severity = default\n", "", "note error")]
    [TestCase("[*]\ndotnet_diagnostic.HNL1008.severity = error\n", "", "error error")]
    [TestCase("[*]\ndotnet_diagnostic.HNL1008.severity = error\n", "severity:\n  HNL1008: default\n", "note error")]
    [TestCase("", "severity:\n  HNL1008: none\n", "")]
    public void A_rule_with_per_finding_defaults_is_configured_like_any_other(string editorConfig, string config, string expected)
    {
        using var temp = new TempDirectory();
        temp.Write(".editorconfig", "root = true\n" + editorConfig);
        temp.Write("hostnetlint.yaml", config + "targets:\n  podman-compose: 1.0.3\n  compose: 2.29\n");
        const string HostService = "services:\n  web:\n    image: nginx\n    network_mode: host\n";

        // assumed: a unit runs podman-compose and its --profile shows 1.1.0+, older than the target: only a lower bound is known.
        temp.Write("assumed/compose.yaml", "services:\n  agent:\n    image: agent\n    networks: [hostnet]\nnetworks:\n  hostnet:\n    external: true\n    name: host\n");
        temp.Write("assumed/agent.service", "[Service]\nExecStart=/usr/bin/podman-compose --profile lab -f /opt/assumed/compose.yaml up\n");
        temp.Write("targeted/compose.yaml", HostService);
        temp.Write("targeted/web.service", "[Service]\nExecStart=/usr/bin/podman-compose -f /opt/targeted/compose.yaml up\n");

        var settings = LintSettingsBuilder.Build(new LintSettingsRequest { Root = temp.Path });
        Assert.That(settings.ConfigurationProblems, Is.Empty);
        var findings = LintEngine.Run(DeploymentModelBuilder.Build(temp.Path, [], settings.ModelOptions), settings.LintOptions)
            .Where(d => d.Id == "HNL1008")
            .OrderBy(d => d.Location.Path, StringComparer.Ordinal);
        Assert.That(string.Join(' ', findings.Select(d => d.Severity.ToDisplay())), Is.EqualTo(expected));
    }

    [Test]
    public void Fail_level_comes_from_the_command_line_then_the_config_then_the_host_default()
    {
        using var temp = new TempDirectory();
        temp.Write("hostnetlint.yaml", "failLevel: error\n");
        Assert.Multiple(() =>
        {
            Assert.That(LintSettingsBuilder.Build(new LintSettingsRequest { Root = temp.Path }).FailLevel, Is.EqualTo(Severity.Error));
            Assert.That(LintSettingsBuilder.Build(new LintSettingsRequest { Root = temp.Path, FailLevel = Severity.Note }).FailLevel, Is.EqualTo(Severity.Note));
        });
        using var empty = new TempDirectory();
        Assert.That(LintSettingsBuilder.Build(new LintSettingsRequest { Root = empty.Path, DefaultFailLevel = Severity.Error }).FailLevel, Is.EqualTo(Severity.Error));
    }

    /// <summary>Lints app/compose.yaml with the given files and returns HNL3001's severity, or null when it is off.</summary>
    private static Severity? SeverityOfHnl3001(Dictionary<string, string> files, Severity? cli = null)
    {
        using var temp = new TempDirectory();
        temp.Write("app/compose.yaml", Compose);
        foreach (var (path, text) in files)
        {
            temp.Write(path, text);
        }

        var request = new LintSettingsRequest { Root = temp.Path };
        if (cli is { } level)
        {
            request = request with { Severities = request.Severities.SetItem("HNL3001", level) };
        }

        var settings = LintSettingsBuilder.Build(request);
        Assert.That(settings.ConfigurationProblems, Is.Empty);
        var model = DeploymentModelBuilder.Build(temp.Path, [], settings.ModelOptions);
        return LintEngine.Run(model, settings.LintOptions).SingleOrDefault(d => d.Id == "HNL3001")?.Severity;
    }
}
