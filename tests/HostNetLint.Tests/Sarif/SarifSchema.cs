using System.Text.Json;
using Json.Schema;

namespace HostNetLint.Tests.Sarif;

/// <summary>The official SARIF 2.1.0 schema that the Sarif.Sdk package ships, copied to the test output at build time.</summary>
public static class SarifSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFile(Path.Combine(TestContext.CurrentContext.TestDirectory, "Schemata", "sarif-2.1.0.json")));

    /// <summary>Every schema violation, as "instance location: message"; empty when the document is valid.</summary>
    public static IReadOnlyList<string> Validate(string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions
        {
            OutputFormat = OutputFormat.Hierarchical,

            // The upload action only warns about URI formats, but a wrong URI is our bug all the same.
            RequireFormatValidation = true,
        });
        var errors = new List<string>();
        Collect(results, errors);
        return errors;
    }

    /// <summary>Errors of failing nodes only: a failed branch of a passing anyOf is no violation.</summary>
    private static void Collect(EvaluationResults node, List<string> errors)
    {
        if (node.IsValid)
        {
            return;
        }

        errors.AddRange((node.Errors ?? new Dictionary<string, string>()).Select(e => $"{node.InstanceLocation} ({node.EvaluationPath}): {e.Key}: {e.Value}"));
        foreach (var child in node.Details ?? [])
        {
            Collect(child, errors);
        }
    }
}
