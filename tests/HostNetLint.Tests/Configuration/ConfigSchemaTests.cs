using System.Text.Json;
using HostNetLint.Hosting.Configuration;
using HostNetLint.Model;
using HostNetLint.Parsing.Text;
using HostNetLint.Rules.Engine;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Configuration;

/// <summary>hostnetlint.yaml against hostnetlint.schema.json: the schema's messages, and the schema and the key table in step.</summary>
[TestFixture]
public sealed class ConfigSchemaTests
{
    [Test]
    public void Every_schema_setting_has_a_binding_and_every_binding_a_schema_setting()
    {
        var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "src", "HostNetLint.Hosting", "Configuration", "hostnetlint.schema.json"))).RootElement;
        var settings = new List<string>();
        CollectSettings(schema, string.Empty, settings);
        var bindings = ConfigKeys.All.Select(k => k.Pointer).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(bindings, Is.Unique);
            Assert.That(settings.Except(bindings), Is.Empty, "settings in the schema without a binding in ConfigKeys");
            Assert.That(bindings.Except(settings), Is.Empty, "bindings in ConfigKeys without a setting in the schema");
            Assert.That(settings, Does.Contain("/hosts").And.Contain("/vmAccess/labels").And.Contain("/targets/podman-compose"));
        });
    }

    [Test]
    public void The_readmes_example_is_a_valid_configuration_that_sets_every_top_level_key()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf("```yaml\n", readme.IndexOf("### `hostnetlint.yaml`", StringComparison.Ordinal), StringComparison.Ordinal) + "```yaml\n".Length;
        var example = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
        var result = HostNetLintConfigLoader.Parse(SourceText.From(example, "hostnetlint.yaml"));
        var topLevelKeys = ConfigKeys.All.Select(k => k.Pointer.Split('/')[1]).Distinct();

        Assert.Multiple(() =>
        {
            Assert.That(result.Diagnostics, Is.Empty);
            Assert.That(topLevelKeys.Where(key => !example.Contains("\n" + key + ":", StringComparison.Ordinal) && !example.StartsWith(key + ":", StringComparison.Ordinal)), Is.Empty, "keys the README example does not show");
            Assert.That(result.Config?.Model.Projects.Select(p => p.Name), Is.EqualTo(new[] { "airflow-prod" }));
        });
    }

    [Test]
    public void The_embedded_schema_is_the_shipped_file()
    {
        var file = File.ReadAllText(Path.Combine(Repository.Root, "src", "HostNetLint.Hosting", "Configuration", "hostnetlint.schema.json"));
        var shipped = File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "hostnetlint.schema.json"));
        Assert.Multiple(() =>
        {
            Assert.That(ConfigSchema.Document.GetRawText(), Is.EqualTo(JsonDocument.Parse(file).RootElement.GetRawText()));
            Assert.That(shipped, Is.EqualTo(file));
        });
    }

    [TestCase("[|vmNetwork|]: [10.0.0.0/8]\n", "Unknown key 'vmNetwork'; expected one of reservedPorts, vmAccess, vmNetworks, libvirtUnits, pathMappings, projects, hosts, exclude, failLevel, severity, requireJustification, targets")]
    [TestCase("targets:\n  [|docker|]: 24.0\n", "Unknown key 'docker' in targets; expected one of podman-compose, podman, compose, systemd")]
    [TestCase("targets:\n  podman-compose: [|v1.0.3|]\n", "targets.podman-compose must be a release such as 1.0.3 (numbers and dots), not 'v1.0.3'")]
    [TestCase("targets:\n  podman: [|1e3|]\n", "'1e3' is not a release such as 1.0.3 (numbers and dots)")]
    [TestCase("targets:\n  podman: [|-4.3|]\n", "'-4.3' is not a release such as 1.0.3 (numbers and dots)")]
    [TestCase("targets:\n  systemd: [|true|]\n", "targets.systemd must be text or a number, not 'true'")]
    [TestCase("targets: [|1.0.3|]\n", "targets must be a mapping, not '1.0.3'")]
    [TestCase("vmAccess:\n  [|name|]: ['*dag*']\n", "Unknown key 'name' in vmAccess; expected one of names, images, labels, exclude")]
    [TestCase("reservedPorts:\n  [|70000|]: '*web*'\n", "The key '70000' in reservedPorts is not a port number (1-65535)")]
    [TestCase("reservedPorts:\n  [|08888|]: '*web*'\n", "The key '08888' in reservedPorts is not a port number (1-65535)")]
    [TestCase("reservedPorts:\n  8888: [|5|]\n", "reservedPorts.8888 must be text, a list or empty, not '5'")]
    [TestCase("reservedPorts:\n  8888: ['*web*', [|' '|]]\n", "reservedPorts.8888[1] must be a non-blank glob, not ' '")]
    [TestCase("vmNetworks: [|192.168.122.0/24|]\n", "vmNetworks must be a list, not '192.168.122.0/24'")]
    [TestCase("vmNetworks: [[|192.168.300.0/24|]]\n", "'192.168.300.0/24' is not a network in CIDR notation (e.g. 192.168.122.0/24)")]
    [TestCase("libvirtUnits: [[|libvirtd|]]\n", "libvirtUnits[0] must be a unit name (e.g. libvirtd.service), not 'libvirtd'")]
    [TestCase("pathMappings:\n  /opt/airflow: [|../outside|]\n", "pathMappings['/opt/airflow'] must be a path (or glob) relative to the configuration file, without '..' or a leading '/', not '../outside'")]
    [TestCase("pathMappings:\n  /opt/airflow: [|a/../../b|]\n", "pathMappings['/opt/airflow'] must be a path (or glob) relative to the configuration file, without '..' or a leading '/', not 'a/../../b'")]
    [TestCase("hosts:\n  prod: [[|/srv/prod/**|]]\n", "hosts.prod[0] must be a path (or glob) relative to the configuration file, without '..' or a leading '/', not '/srv/prod/**'")]
    [TestCase("hosts:\n  prod: [|deploy/prod|]\n", "hosts.prod must be a list, not 'deploy/prod'")]
    [TestCase("exclude: [[|{a: b}|]]\n", "exclude[0] must be text, not a mapping")]
    [TestCase("exclude: [[|~|]]\n", "exclude[0] must be text, not empty")]
    [TestCase("exclude: [a, [|0x1F|]]\n", "exclude[1] must be text, not '0x1F'")]
    [TestCase("exclude: [1.2.3, [|-.5e3|]]\n", "exclude[1] must be text, not '-.5e3'")]
    [TestCase("failLevel: [|fatal|]\n", "failLevel must be error, warning or note, not 'fatal'")]
    [TestCase("severity:\n  [|HNL1|]: none\n", "The key 'HNL1' in severity is not a rule ID (HNLxxxx)")]
    [TestCase("severity:\n  [|hnl9999|]: none\n", "'hnl9999' is not a HostNetLint rule ID")]
    [TestCase("severity:\n  HNL1002: [|loud|]\n", "severity.HNL1002 must be error, warning, note, suggestion, silent, none or default, not 'loud'")]
    [TestCase("requireJustification: [|\"true\"|]\n", "requireJustification must be true or false, not the text 'true' (quoted)")]
    [TestCase("requireJustification: [|yes|]\n", "requireJustification must be true or false, not 'yes'")]
    [TestCase("[|- a list|]\n", "The configuration must be a mapping, not a list")]
    [TestCase("? [|[a, b]|]\n: c\n", "A key must be text, not a list")]
    public void A_schema_error_says_what_was_expected_at_the_span_of_the_value(string markup, string message)
    {
        var (text, spans) = TestMarkup.Parse(markup);
        var result = HostNetLintConfigLoader.Parse(SourceText.From(text, "hostnetlint.yaml"));
        Assert.That(result.Diagnostics.Select(d => (d.Id, d.Location.Span, d.Message)), Is.EqualTo(new[] { ("HNL0006", spans.Single().Span, message + ". Nothing was linted.") }));
    }

    [TestCase("true", true)]
    [TestCase("True", true)]
    [TestCase("false", false)]
    public void Plain_booleans_are_read_as_YAML_1_2_reads_them(string value, bool expected)
    {
        var result = HostNetLintConfigLoader.Parse(SourceText.From($"requireJustification: {value}\n", "hostnetlint.yaml"));
        Assert.That(result.Config?.Lint.RequireJustification, Is.EqualTo(expected), string.Join('\n', result.Diagnostics));
    }

    [Test]
    public void An_alias_is_read_as_its_anchor_and_checked_there()
    {
        var result = HostNetLintConfigLoader.Parse(SourceText.From("vmAccess:\n  names: &names ['*dag*', '*runner*']\n  exclude: *names\n", "hostnetlint.yaml"));
        Assert.That(result.Config?.Lint.VmAccess.Exclude, Is.EqualTo(new[] { "*dag*", "*runner*" }), string.Join('\n', result.Diagnostics));
    }

    [Test]
    public void Hosts_are_read_as_root_relative_globs()
    {
        using var temp = new TempDirectory();
        temp.Write("hostnetlint.yaml", "hosts:\n  lab: [deploy/lab/**, shared/*.container]\n  prod: ['deploy/prod/**']\n");
        var settings = LintSettingsBuilder.Build(new LintSettingsRequest { Root = temp.Path });
        Assert.That(settings.LintOptions.Hosts.OrderBy(h => h.Key).Select(h => (h.Key, string.Join(' ', h.Value))), Is.EqualTo(new[] { ("lab", "deploy/lab/** shared/*.container"), ("prod", "deploy/prod/**") }));
    }

    [Test]
    public void Hosts_written_above_the_root_are_rebased_onto_it()
    {
        using var temp = new TempDirectory();
        temp.Write("hostnetlint.yaml", "hosts:\n  lab: [deploy/lab/**, '**/lab.container', 'deploy/*/edge/**', other/**]\n");
        Directory.CreateDirectory(Path.Combine(temp.Path, "deploy", "prod"));
        var settings = LintSettingsBuilder.Build(new LintSettingsRequest { Root = Path.Combine(temp.Path, "deploy", "prod") });

        // deploy/lab/** and other/** name nothing under deploy/prod.
        Assert.That(settings.LintOptions.Hosts["lab"], Is.EqualTo(new[] { "**/lab.container", "edge/**" }));
    }

    [Test]
    public void Hosts_and_path_mappings_of_a_configuration_below_the_root_are_prefixed_with_its_directory()
    {
        using var temp = new TempDirectory();
        var config = temp.Write("ci/hostnetlint.yaml", "hosts:\n  lab: [lab/**]\npathMappings:\n  /opt/airflow: airflow\n");
        var settings = LintSettingsBuilder.Build(new LintSettingsRequest { Root = temp.Path, ConfigFile = config });
        Assert.Multiple(() =>
        {
            Assert.That(settings.LintOptions.Hosts["lab"], Is.EqualTo(new[] { "ci/lab/**" }));
            Assert.That(settings.ModelOptions.PathMappings["/opt/airflow"], Is.EqualTo("ci/airflow"));
        });
    }

    [Test]
    public void Projects_are_read_with_root_relative_files_env_files_and_profiles()
    {
        using var temp = new TempDirectory();
        var config = temp.Write("deploy/hostnetlint.yaml", """
            projects:
              airflow-prod:
                files: [airflow/compose.yaml, airflow/compose.prod.yaml]
                envFiles: [airflow/prod.env]
                profiles: [lineage]
              tools:
                files: [tools/stack.yml]
            """);
        var settings = LintSettingsBuilder.Build(new LintSettingsRequest { Root = temp.Path, ConfigFile = config });
        Assert.That(settings.ConfigurationProblems, Is.Empty, string.Join('\n', settings.ConfigurationProblems));
        Assert.That(
            settings.ModelOptions.Projects.Select(p => $"{p.Name}: {string.Join(' ', p.Files)} | {string.Join(' ', p.EnvFiles)} | {string.Join(' ', p.Profiles)}"),
            Is.EqualTo(new[]
            {
                "airflow-prod: deploy/airflow/compose.yaml deploy/airflow/compose.prod.yaml | deploy/airflow/prod.env | lineage",
                "tools: deploy/tools/stack.yml |  | ",
            }));
    }

    [TestCase("projects:\n  [|Airflow|]:\n    files: [compose.yaml]\n", TestName = "Project_name_compose_would_refuse")]
    [TestCase("projects:\n  airflow: [|{envFiles: [a.env]}|]\n", TestName = "Project_without_files")]
    [TestCase("projects:\n  airflow:\n    files: [[|../compose.yaml|]]\n", TestName = "Project_file_outside_the_configuration_directory")]
    [TestCase("projects:\n  airflow:\n    files: [compose.yaml]\n    [|profile|]: [x]\n", TestName = "Unknown_project_key")]
    public void A_bad_project_is_HNL0006_at_its_position(string markup)
    {
        var (text, spans) = TestMarkup.Parse(markup);
        var result = HostNetLintConfigLoader.Parse(SourceText.From(text, "hostnetlint.yaml"));
        Assert.Multiple(() =>
        {
            Assert.That(result.Config, Is.Null);
            Assert.That(result.Diagnostics.Select(d => (d.Id, d.Location.Span)), Is.EqualTo(spans.Select(s => ("HNL0006", s.Span))), string.Join('\n', result.Diagnostics));
        });
    }

    [Test]
    public void A_stack_declared_in_the_configuration_is_linted_as_one_run()
    {
        using var temp = new TempDirectory();
        temp.Write("hostnetlint.yaml", "projects:\n  airflow:\n    files: [stack/base.yml, stack/libvirt.yml]\n");
        temp.Write("stack/base.yml", "services:\n  scheduler:\n    image: qubinode/airflow\n");
        temp.Write("stack/libvirt.yml", "services:\n  scheduler:\n    volumes:\n      - /var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock\n");
        var settings = LintSettingsBuilder.Build(new LintSettingsRequest { Root = temp.Path });
        var model = DeploymentModelBuilder.Build(temp.Path, [], settings.ModelOptions);
        var findings = LintEngine.Run(model, settings.LintOptions);
        Assert.Multiple(() =>
        {
            Assert.That(model.ComposeProjects.Select(p => (p.Name, string.Join('+', p.Files.Select(f => f.Document.Path)))), Is.EqualTo(new[] { ("airflow", "stack/base.yml+stack/libvirt.yml") }));
            Assert.That(findings.Where(d => d.Id == "HNL1001").Select(d => d.Location.Path), Is.EqualTo(new[] { "stack/libvirt.yml" }));
        });
    }

    [Test]
    public void Targets_are_read_as_written_once_into_versions()
    {
        var result = HostNetLintConfigLoader.Parse(SourceText.From("targets:\n  podman-compose: 1.0.3\n  podman: 4.10\n  compose: \"2.29\"\n  systemd: 252\n", "hostnetlint.yaml"));
        Assert.That(result.Diagnostics, Is.Empty, string.Join('\n', result.Diagnostics));
        Assert.That(result.Config!.Lint.Targets, Is.EqualTo(new HostNetLint.Rules.Engine.RuntimeTargets
        {
            PodmanCompose = new Version(1, 0, 3),
            Podman = new Version(4, 10, 0),
            Compose = new Version(2, 29, 0),
            Systemd = new Version(252, 0, 0),
        }), "4.10 is the release 4.10, not the number 4.1");
    }

    [Test]
    public void Without_targets_none_are_set() =>
        Assert.That(HostNetLintConfigLoader.Parse(SourceText.From("failLevel: error\n", "hostnetlint.yaml")).Config!.Lint.Targets, Is.EqualTo(HostNetLint.Rules.Engine.RuntimeTargets.None));

    [TestCase("1.0.3", 1, 0, 3, -1)]
    [TestCase("4.3", 4, 3, 0, -1)]
    [TestCase("252", 252, 0, 0, -1)]
    [TestCase("1.2.3.4", 1, 2, 3, 4)]
    public void A_release_reads_missing_parts_as_zero(string text, int major, int minor, int build, int revision)
    {
        var version = HostNetLint.Rules.Engine.RuntimeTargets.ParseVersion(text);
        Assert.That(version, Is.EqualTo(revision < 0 ? new Version(major, minor, build) : new Version(major, minor, build, revision)));
    }

    [TestCase("")]
    [TestCase("1..3")]
    [TestCase("v1")]
    [TestCase("1.0.3-1")]
    [TestCase("1.2.3.4.5")]
    [TestCase("9999999999")]
    public void Anything_else_is_not_a_release(string text) =>
        Assert.That(HostNetLint.Rules.Engine.RuntimeTargets.ParseVersion(text), Is.Null);

    [Test]
    public void Without_hosts_none_are_configured()
    {
        var result = HostNetLintConfigLoader.Parse(SourceText.From("failLevel: error\n", "hostnetlint.yaml"));
        Assert.That(result.Config!.Lint.Hosts, Is.Empty);
    }

    /// <summary>A setting is a property whose schema has no properties of its own (vmAccess is a group of settings).</summary>
    private static void CollectSettings(JsonElement schema, string pointer, List<string> settings)
    {
        foreach (var property in schema.GetProperty("properties").EnumerateObject())
        {
            var path = pointer + "/" + property.Name;
            if (property.Value.TryGetProperty("properties", out _))
            {
                CollectSettings(property.Value, path, settings);
            }
            else
            {
                settings.Add(path);
            }
        }
    }
}
