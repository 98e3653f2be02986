using System.Text.Json;
using HostNetLint.Hosting.Configuration;
using HostNetLint.Parsing.Text;
using HostNetLint.Parsing.Yaml;
using Json.Schema;

namespace HostNetLint.Tests.Configuration;

/// <summary>
/// Our schema evaluator (src/HostNetLint.Hosting/Configuration/SchemaEvaluator.cs) against JsonSchema.Net as the
/// oracle: the product left that library for start-up time (see the evaluator's summary), so the tests keep it to
/// check that both agree on which configurations the schema accepts.
/// </summary>
[TestFixture]
public sealed class SchemaEvaluatorTests
{
    private static readonly Lazy<JsonSchema> Oracle = new(() => JsonSchema.Build(ConfigSchema.Document));

    [Test]
    public void The_schema_uses_only_keywords_the_evaluator_knows()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SchemaEvaluator.UnknownKeywords(ConfigSchema.Document), Is.Empty);
            using var other = JsonDocument.Parse("""{"properties": {"a": {"oneOf": [{"type": "string"}]}}}""");
            Assert.That(SchemaEvaluator.UnknownKeywords(other.RootElement), Is.EqualTo(new[] { "/properties/a: oneOf" }), "a keyword it does not know is found");
        });
    }

    [TestCase("failLevel: warning\n")]
    [TestCase("failLevel: fatal\n")]
    [TestCase("reservedPorts:\n  8888: ['*web*']\n  9000: ~\n")]
    [TestCase("reservedPorts:\n  70000: '*web*'\n")]
    [TestCase("reservedPorts:\n  8888: ['*web*', ' ']\n")]
    [TestCase("reservedPorts:\n  8888: 5\n")]
    [TestCase("vmAccess: {names: ['*dag*'], labels: ['vm=yes'], exclude: [x]}\n")]
    [TestCase("vmAccess: {name: ['*dag*']}\n")]
    [TestCase("vmAccess: {labels: ['=x']}\n")]
    [TestCase("vmNetworks: 192.168.122.0/24\n")]
    [TestCase("libvirtUnits: [libvirtd.service, virtqemud.socket]\n")]
    [TestCase("libvirtUnits: [libvirtd]\n")]
    [TestCase("pathMappings: {/opt/airflow: airflow}\n")]
    [TestCase("pathMappings: {opt/airflow: airflow}\n")]
    [TestCase("pathMappings: {/opt/airflow: ../outside}\n")]
    [TestCase("projects: {airflow: {files: [compose.yaml], envFiles: [a.env], profiles: [lineage]}}\n")]
    [TestCase("projects: {airflow: {envFiles: [a.env]}}\n")]
    [TestCase("projects: {airflow: {files: []}}\n")]
    [TestCase("projects: {Airflow: {files: [compose.yaml]}}\n")]
    [TestCase("projects: {airflow: {files: [compose.yaml], profile: [x]}}\n")]
    [TestCase("hosts: {prod: [deploy/prod/**]}\n")]
    [TestCase("hosts: {prod: deploy/prod}\n")]
    [TestCase("exclude: [a, 1.5]\n")]
    [TestCase("severity: {HNL1002: none, hnl1003: warning}\n")]
    [TestCase("severity: {HNL1: none}\n")]
    [TestCase("severity: {HNL1002: loud}\n")]
    [TestCase("requireJustification: true\n")]
    [TestCase("requireJustification: 'true'\n")]
    [TestCase("targets: {podman-compose: 1.0.3, podman: '4.3', systemd: 252}\n")]
    [TestCase("targets: {podman-compose: v1.0.3}\n")]
    [TestCase("targets: {systemd: true}\n")]
    [TestCase("targets: {docker: 24.0}\n")]
    [TestCase("vmNetwork: [10.0.0.0/8]\n")]
    [TestCase("- a list\n")]
    public void It_accepts_exactly_the_configurations_JsonSchema_Net_accepts(string yaml)
    {
        var tree = YamlSyntaxTree.Parse(SourceText.From(yaml, "hostnetlint.yaml"));
        var instance = YamlAsJson.Convert(tree.Root!);
        var oracle = Oracle.Value.Evaluate(instance.Root, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var ours = SchemaEvaluator.Evaluate(ConfigSchema.Document, ConfigSchema.Document, instance.Root);
        var oracleFailures = (oracle.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => d.InstanceLocation.ToString()).ToHashSet();
        Assert.Multiple(() =>
        {
            Assert.That(ours.Count == 0, Is.EqualTo(oracle.IsValid), string.Join("; ", ours));
            Assert.That(ours.Select(f => f.Pointer).ToHashSet(), Is.SubsetOf(oracleFailures.Select(p => p).Concat(ours.Where(f => f.Kind == SchemaFailureKind.BadKeyName).Select(f => f.Pointer))), "every place we report, the oracle reports too");
        });
    }
}
