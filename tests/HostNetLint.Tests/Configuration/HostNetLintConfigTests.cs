using HostNetLint.Model;
using HostNetLint.Parsing.Text;
using HostNetLint.Hosting.Configuration;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Configuration;

[TestFixture]
public sealed class HostNetLintConfigTests
{
    [TestCase("[|vmNetwork|]: [10.0.0.0/8]\n", TestName = "Unknown_top_level_key")]
    [TestCase("vmAccess:\n  [|name|]: ['*dag*']\n", TestName = "Unknown_vmAccess_key")]
    [TestCase("reservedPorts:\n  [|http|]: '*web*'\n", TestName = "Port_that_is_not_a_number")]
    [TestCase("reservedPorts:\n  [|70000|]: '*web*'\n", TestName = "Port_out_of_range")]
    [TestCase("reservedPorts: [|[8888]|]\n", TestName = "ReservedPorts_not_a_mapping")]
    [TestCase("reservedPorts:\n  8888: [[|''|]]\n", TestName = "Empty_owner_glob")]
    [TestCase("vmNetworks: [192.168.122.0/24, [|192.168.300.0/24|]]\n", TestName = "Bad_cidr")]
    [TestCase("vmNetworks: [|192.168.122.0/24|]\n", TestName = "VmNetworks_not_a_list")]
    [TestCase("libvirtUnits: [[|libvirtd|]]\n", TestName = "Unit_name_without_suffix")]
    [TestCase("pathMappings:\n  [|opt/airflow|]: airflow\n", TestName = "Install_path_not_absolute")]
    [TestCase("pathMappings:\n  /opt/airflow: [|../outside|]\n", TestName = "Repository_path_climbs_out")]
    [TestCase("exclude: [[|{a: b}|]]\n", TestName = "Exclude_entry_not_a_string")]
    [TestCase("failLevel: [|fatal|]\n", TestName = "Bad_fail_level")]
    [TestCase("failLevel: [|none|]\n", TestName = "Fail_level_none")]
    [TestCase("severity:\n  [|HNL9999|]: none\n", TestName = "Severity_of_an_unknown_rule")]
    [TestCase("severity:\n  HNL1002: [|loud|]\n", TestName = "Bad_severity_value")]
    [TestCase("requireJustification: [|yes|]\n", TestName = "Bad_boolean")]
    [TestCase("vmAccess:\n  labels: [[|=true|]]\n", TestName = "Bad_label")]
    [TestCase("[|- a list|]\n", TestName = "Root_not_a_mapping")]
    [TestCase("failLevel: error\n[|failLevel|]: note\n", TestName = "Duplicate_key")]
    [TestCase("vmAccess: [|true|]\n", TestName = "VmAccess_not_a_mapping")]
    [TestCase("pathMappings: [|[a]|]\n", TestName = "PathMappings_not_a_mapping")]
    [TestCase("severity: [|none|]\n", TestName = "Severity_not_a_mapping")]
    public void An_invalid_value_is_HNL0006_at_its_position(string markup)
    {
        var (text, spans) = TestMarkup.Parse(markup);
        var result = HostNetLintConfigLoader.Parse(SourceText.From(text, "hostnetlint.yaml"));
        Assert.Multiple(() =>
        {
            Assert.That(result.Config, Is.Null, "a configuration with a problem must not be used");
            Assert.That(result.Diagnostics.Select(d => d.Id).Distinct(), Is.EqualTo(new[] { "HNL0006" }));
            Assert.That(result.Diagnostics.Select(d => d.Location.Span), Is.EqualTo(spans.Select(s => s.Span)), string.Join('\n', result.Diagnostics));
        });
    }

    [Test]
    public void A_syntax_error_is_reported_in_the_configuration_file()
    {
        var result = HostNetLintConfigLoader.Parse(SourceText.From("vmNetworks: [a\n", "hostnetlint.yaml"));
        Assert.Multiple(() =>
        {
            Assert.That(result.Config, Is.Null);
            Assert.That(result.Diagnostics.Select(d => (d.Id, d.Location.Path, d.Location.Span)), Is.EqualTo(new[] { ("HNL0006", "hostnetlint.yaml", new TextSpan(15, 0)) }));
        });
    }

    [Test]
    public void Every_problem_is_reported_at_once()
    {
        var result = HostNetLintConfigLoader.Parse(SourceText.From("bogus: 1\nfailLevel: loud\nvmNetworks: [x]\n", "hostnetlint.yaml"));
        Assert.That(result.Diagnostics.Select(d => d.Location.LineSpan.Start), Is.EqualTo(new[] { new LinePosition(0, 0), new LinePosition(1, 11), new LinePosition(2, 13) }));
    }

    [Test]
    public void A_valid_configuration_is_read_completely()
    {
        var result = HostNetLintConfigLoader.Parse(SourceText.From("""
            # comments are fine
            reservedPorts:
              8888: ["*webserver*"]
              8889: "*mcp*"
              9000: ~
            vmAccess:
              names: ["*dag-runner*"]
              images: ["quay.io/qubinode/*"]
              labels: ["io.example/vm=true"]
              exclude: ["*postgres*"]
            vmNetworks: [192.168.122.0/24, "fd00::/64"]
            libvirtUnits: [libvirtd.service]
            pathMappings:
              /opt/airflow: airflow
            exclude: ["legacy/**"]
            failLevel: note
            severity:
              hnl1002: suggestion
              HNL3001: default
            requireJustification: true
            """, "hostnetlint.yaml"));
        Assert.That(result.Diagnostics, Is.Empty, string.Join('\n', result.Diagnostics));
        var config = result.Config!;
        Assert.Multiple(() =>
        {
            Assert.That(config.Lint.ReservedPorts.Select(p => (p.Port, string.Join(' ', p.OwnerGlobs))), Is.EqualTo(new[] { (8888, "*webserver*"), (8889, "*mcp*") }), "9000: ~ configures no owner");
            Assert.That(config.Lint.VmAccess, Is.EqualTo(new VmAccessOptions { Names = ["*dag-runner*"], Images = ["quay.io/qubinode/*"], Labels = ["io.example/vm=true"], Exclude = ["*postgres*"] }).Using<VmAccessOptions>(SameVmAccess));
            Assert.That(config.Lint.VmNetworks, Is.EqualTo(new[] { "192.168.122.0/24", "fd00::/64" }));
            Assert.That(config.Lint.LibvirtUnits, Is.EqualTo(new[] { "libvirtd.service" }));
            Assert.That(config.Model.PathMappings["/opt/airflow"], Is.EqualTo("airflow"));
            Assert.That(config.Model.Exclude, Is.EqualTo(new[] { "legacy/**" }));
            Assert.That(config.FailLevel, Is.EqualTo(Severity.Note));
            Assert.That(config.Lint.SeverityOverrides, Is.EquivalentTo(new Dictionary<string, Severity> { ["HNL1002"] = Severity.Note, ["HNL3001"] = Severity.Default }), "default: the rule's own severity for each finding, resolved by the engine");
            Assert.That(config.Lint.RequireJustification, Is.True);
        });
    }

    [Test]
    public void A_reserved_port_configured_empty_removes_the_default()
    {
        var result = HostNetLintConfigLoader.Parse(SourceText.From("reservedPorts:\n  8888: []\n  8889: ~\n  9000: '*api*'\n", "hostnetlint.yaml"));
        Assert.That(result.Config!.Lint.ReservedPorts.Select(p => (p.Port, string.Join(' ', p.OwnerGlobs))), Is.EqualTo(new[] { (9000, "*api*") }));
    }

    [Test]
    public void An_empty_file_is_the_defaults()
    {
        var result = HostNetLintConfigLoader.Parse(SourceText.From("# nothing yet\n", "hostnetlint.yaml"));
        Assert.That(result.Config, Is.EqualTo(HostNetLintConfig.Empty));
    }

    [Test]
    public void With_an_invalid_configuration_nothing_is_linted()
    {
        using var temp = new TempDirectory();
        temp.Write("hostnetlint.yaml", "vmNetworks: [nope]\n");
        var settings = LintSettingsBuilder.Build(new LintSettingsRequest { Root = temp.Path });
        Assert.Multiple(() =>
        {
            Assert.That(settings.IsValid, Is.False);
            Assert.That(settings.ConfigurationProblems.Select(d => (d.Id, d.Location.Path, d.Location.LineSpan.Start)), Is.EqualTo(new[] { ("HNL0006", "hostnetlint.yaml", new LinePosition(0, 13)) }));
        });
    }

    [Test]
    public void The_nearest_configuration_above_the_root_is_used_and_an_explicit_one_wins()
    {
        using var temp = new TempDirectory();
        temp.Write("hostnetlint.yaml", "failLevel: error\n");
        temp.Write("app/compose.yaml", "services:\n  web:\n    image: nginx\n");
        var other = temp.Write("ci/strict.yaml", "failLevel: note\n");
        Assert.Multiple(() =>
        {
            Assert.That(LintSettingsBuilder.Build(new LintSettingsRequest { Root = Path.Combine(temp.Path, "app") }).FailLevel, Is.EqualTo(Severity.Error));
            Assert.That(LintSettingsBuilder.Build(new LintSettingsRequest { Root = Path.Combine(temp.Path, "app"), ConfigFile = other }).FailLevel, Is.EqualTo(Severity.Note));
        });
    }

    [Test]
    public void Configured_values_reach_the_rules()
    {
        using var temp = new TempDirectory();
        temp.Write("hostnetlint.yaml", """
            vmAccess:
              images: ["registry.example/dag-runner*"]
            reservedPorts:
              8888: ["*api*"]
            """);
        temp.Write("compose.yaml", """
            services:
              runner:
                image: registry.example/dag-runner:1
              webserver:
                image: nginx
                ports: ["8888:8080"]
            """);
        var settings = LintSettingsBuilder.Build(new LintSettingsRequest { Root = temp.Path });
        var diagnostics = LintEngine.Run(DeploymentModelBuilder.Build(temp.Path, [], settings.ModelOptions), settings.LintOptions);
        var ids = diagnostics.Select(d => (d.Id, d.Location.LineSpan.Start.Line)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ids, Does.Contain(("HNL1001", 1)), string.Join('\n', diagnostics));
            Assert.That(ids.Where(i => i.Id == "HNL1004"), Is.Not.Empty, string.Join('\n', diagnostics));
        });
    }

    private static bool SameVmAccess(VmAccessOptions a, VmAccessOptions b) =>
        a.Names.SequenceEqual(b.Names) && a.Images.SequenceEqual(b.Images) && a.Labels.SequenceEqual(b.Labels) && a.Exclude.SequenceEqual(b.Exclude);
}
