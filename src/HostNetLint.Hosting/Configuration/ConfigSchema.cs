using System.Text.Json;
using HostNetLint.Parsing.Text;
using HostNetLint.Parsing.Yaml;

namespace HostNetLint.Hosting.Configuration;

/// <summary>A schema violation in hostnetlint.yaml: where it is and what the schema expected, in words.</summary>
internal sealed record SchemaProblem(string Pointer, TextSpan Span, string Message);

/// <summary>
/// <c>hostnetlint.schema.json</c> (embedded), evaluated by <see cref="SchemaEvaluator"/> over a <see cref="YamlAsJson"/>. Each error
/// becomes a <see cref="SchemaProblem"/> at the YAML span of its instance location (the key for unknown keys and bad
/// key names), with a message built from the schema: the types, values or <c>patternErrorMessage</c> it expects.
/// </summary>
internal static class ConfigSchema
{
    /// <summary>The manifest name of the embedded schema (also shipped as a file next to the tool, for editors).</summary>
    public const string ResourceName = "HostNetLint.hostnetlint.schema.json";

    private static readonly Lazy<JsonElement> Loaded = new(Load);

    /// <summary>The schema as JSON, which the evaluator walks and the messages read.</summary>
    public static JsonElement Document => Loaded.Value;

    public static IReadOnlyList<SchemaProblem> Validate(YamlAsJson instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var problems = new List<SchemaProblem>();
        var seen = new HashSet<(string, SchemaFailureKind)>();
        foreach (var failure in SchemaEvaluator.Evaluate(Document, Document, instance.Root))
        {
            if (seen.Add((failure.Pointer, failure.Kind)) && instance.Find(failure.Pointer) is { } site)
            {
                problems.Add(Describe(failure, site));
            }
        }

        return [.. problems.OrderBy(p => p.Span.Start).ThenBy(p => p.Message, StringComparer.Ordinal)];
    }

    private static SchemaProblem Describe(SchemaFailure failure, YamlSite site)
    {
        var pointer = failure.Pointer;
        var schema = failure.Schema;
        var within = site.ParentName is null ? string.Empty : $" in {site.ParentName}";
        var keySpan = site.KeySpan ?? site.ValueSpan;
        var text = failure.Kind switch
        {
            // additionalProperties: false — a key the schema does not know, often a typo.
            SchemaFailureKind.UnknownKey => $"Unknown key '{site.Key}'{within}; expected one of {(schema.TryGetProperty("properties", out var properties) ? string.Join(", ", properties.EnumerateObject().Select(p => p.Name)) : string.Empty)}",
            SchemaFailureKind.BadKeyName => $"The key '{site.Key}'{within} {(schema.TryGetProperty("patternErrorMessage", out var message) ? message.GetString() : $"does not match {schema.GetProperty("pattern").GetString()}")}",
            SchemaFailureKind.Type => $"{site.Name} must be {Types(schema.GetProperty("type"))}, not {Actual(site.Node)}",
            SchemaFailureKind.Enum => $"{site.Name} must be {OneOf(schema.GetProperty("enum").EnumerateArray().Select(v => v.ToString()))}, not {Actual(site.Node)}",
            SchemaFailureKind.Pattern => schema.TryGetProperty("patternErrorMessage", out var expected)
                ? $"{site.Name} {expected.GetString()}, not {Actual(site.Node)}"
                : $"{site.Name} must match {schema.GetProperty("pattern").GetString()}, not {Actual(site.Node)}",
            SchemaFailureKind.Required => $"{site.Name} must have the key '{failure.Expected}'",
            SchemaFailureKind.MinItems => $"{site.Name} must list at least {failure.Expected}",
            _ => throw new InvalidOperationException($"No message for {failure.Kind}."),
        };
        return new SchemaProblem(pointer, failure.Kind is SchemaFailureKind.UnknownKey or SchemaFailureKind.BadKeyName ? keySpan : site.ValueSpan, text);
    }

    private static string Types(JsonElement types) =>
        OneOf((types.ValueKind == JsonValueKind.Array ? types.EnumerateArray() : (IEnumerable<JsonElement>)[types]).Select(t => t.GetString() switch
        {
            "object" => "a mapping",
            "array" => "a list",
            "string" => "text",
            "boolean" => "true or false",
            "integer" => "a whole number",
            "number" => "a number",
            "null" => "empty",
            var other => other ?? "?",
        }));

    private static string OneOf(IEnumerable<string> choices)
    {
        var list = choices.ToList();
        return list.Count <= 1 ? string.Concat(list) : $"{string.Join(", ", list.Take(list.Count - 1))} or {list[^1]}";
    }

    /// <summary>What the user wrote, as a message shows it: <c>'fatal'</c>, <c>a list</c>, <c>empty</c>, or <c>the text 'true'</c> for a quoted scalar.</summary>
    private static string Actual(YamlNode written) => written.Resolve() switch
    {
        YamlMapping => "a mapping",
        YamlSequence => "a list",
        YamlScalar { IsNull: true } => "empty",
        YamlScalar { Style: not YamlScalarStyle.Plain } scalar when LooksTyped(scalar.Value) => $"the text '{Shorten(scalar.Value)}' (quoted)",
        YamlScalar scalar => $"'{Shorten(scalar.Value)}'",
        _ => "an unknown alias",
    };

    private static bool LooksTyped(string value) => value is "true" or "false" or "null" || double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _);

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..57] + "...";

    private static JsonElement Load()
    {
        using var stream = typeof(ConfigSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.Clone();
    }
}
