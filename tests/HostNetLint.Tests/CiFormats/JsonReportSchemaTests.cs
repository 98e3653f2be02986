using System.Text.Json;
using HostNetLint.Tests.TestSupport;
using Json.Schema;

namespace HostNetLint.Tests.CiFormats;

/// <summary>The json format against its documented schema, hostnetlint-report.schema.json (shipped beside the tool).</summary>
[TestFixture]
public sealed class JsonReportSchemaTests
{
    /// <summary>Read once: JsonSchema.Net registers a schema by its $id and refuses a second registration.</summary>
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(SourceSchema)));

    private static string SourceSchema => Path.Combine(Repository.Root, "src", "HostNetLint.Reporting", "Json", "hostnetlint-report.schema.json");

    [TestCase("sample-deployment")]
    [TestCase("hostile-names")]
    public void The_report_is_valid_against_its_schema(string input)
    {
        Assert.That(Validate(Golden.Read($"{input}/report.json")), Is.Empty);
    }

    [Test]
    public void A_report_with_a_missing_or_mistyped_field_is_refused()
    {
        var valid = Golden.Read("sample-deployment/report.json");
        Assert.Multiple(() =>
        {
            Assert.That(Validate(valid.Replace("\"schemaVersion\": 1", "\"schemaVersion\": 2", StringComparison.Ordinal)), Is.Not.Empty);
            Assert.That(Validate(valid.Replace("\"severity\": \"error\"", "\"severity\": \"fatal\"", StringComparison.Ordinal)), Is.Not.Empty);
            Assert.That(Validate(valid.Replace("\"startLine\": 4", "\"startLine\": \"4\"", StringComparison.Ordinal)), Is.Not.Empty);
            Assert.That(Validate(valid.Replace("\"fixable\": true,", string.Empty, StringComparison.Ordinal)), Is.Not.Empty);
        });
    }

    [Test]
    public void The_schema_is_shipped_beside_the_tool_and_beside_the_configuration_schema()
    {
        var output = TestContext.CurrentContext.TestDirectory;
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(Path.Combine(output, "hostnetlint-report.schema.json")), Is.EqualTo(File.ReadAllText(SourceSchema)));
            Assert.That(File.Exists(Path.Combine(output, "hostnetlint.schema.json")), Is.True);
        });
    }

    [Test]
    public void Every_finding_field_the_writer_writes_is_documented()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(SourceSchema));
        var documented = schema.RootElement.GetProperty("$defs").GetProperty("finding").GetProperty("properties").EnumerateObject().Select(p => p.Name);
        var written = JsonDocument.Parse(Golden.Read("sample-deployment/report.json")).RootElement.GetProperty("findings")[0].EnumerateObject().Select(p => p.Name);
        Assert.That(written, Is.EquivalentTo(documented));
    }

    private static List<string> Validate(string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return results.IsValid ? [] : [.. (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")), "invalid"];
    }
}
