using System.Text.Json;
using HostNetLint.Parsing.Text;
using HostNetLint.Parsing.Yaml;
using Json.Schema;

namespace HostNetLint.Hosting.Configuration;

/// <summary>A schema violation in hostnetlint.yaml: where it is and what the schema expected, in words.</summary>
internal sealed record SchemaProblem(string Pointer, TextSpan Span, string Message);

/// <summary>
/// <c>hostnetlint.schema.json</c> (embedded), evaluated with JsonSchema.Net over a <see cref="YamlAsJson"/>. Each error
/// becomes a <see cref="SchemaProblem"/> at the YAML span of its instance location (the key for unknown keys and bad
/// key names), with a message built from the schema: the types, values or <c>patternErrorMessage</c> it expects.
/// </summary>
internal static class ConfigSchema
{
    /// <summary>The manifest name of the embedded schema (also shipped as a file next to the tool, for editors).</summary>
    public const string ResourceName = "HostNetLint.hostnetlint.schema.json";

    private static readonly Lazy<(JsonSchema Schema, JsonElement Document)> Loaded = new(Load);

    /// <summary>The schema as JSON, to navigate it (for messages, and for the test that keeps it and the key table in step).</summary>
    public static JsonElement Document => Loaded.Value.Document;

    public static IReadOnlyList<SchemaProblem> Validate(YamlAsJson instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var results = Loaded.Value.Schema.Evaluate(instance.Root, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        var problems = new List<SchemaProblem>();
        var seen = new HashSet<(string, string)>();
        Collect(results, instance, problems, seen);
        return [.. problems.OrderBy(p => p.Span.Start).ThenBy(p => p.Message, StringComparer.Ordinal)];
    }

    /// <summary>The subschema that applies at <paramref name="pointer"/> of <paramref name="instance"/>; null when none does.</summary>
    public static JsonElement? SchemaAt(JsonElement instance, string pointer)
    {
        JsonElement? schema = Document;
        var value = instance;
        foreach (var segment in Segments(pointer))
        {
            schema = Dereference(schema);
            if (schema is not { ValueKind: JsonValueKind.Object } node)
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.Array && int.TryParse(segment, out var index) && index < value.GetArrayLength())
            {
                schema = node.TryGetProperty("items", out var items) ? items : null;
                value = value[index];
            }
            else if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty(segment, out var child))
            {
                schema = node.TryGetProperty("properties", out var properties) && properties.TryGetProperty(segment, out var property) ? property
                    : node.TryGetProperty("additionalProperties", out var additional) ? additional
                    : null;
                value = child;
            }
            else
            {
                return null;
            }
        }

        return Dereference(schema);
    }

    private static void Collect(EvaluationResults node, YamlAsJson instance, List<SchemaProblem> problems, HashSet<(string, string)> seen)
    {
        if (node.IsValid)
        {
            return;
        }

        foreach (var (keyword, fallback) in node.Errors ?? new Dictionary<string, string>())
        {
            var pointer = node.InstanceLocation.ToString();
            if (seen.Add((pointer, keyword)) && instance.Find(pointer) is { } site)
            {
                var evaluated = node.EvaluationPath.ToString();
                problems.Add(Describe(keyword, fallback, evaluated, pointer, site, instance));
            }
        }

        foreach (var child in node.Details ?? [])
        {
            Collect(child, instance, problems, seen);
        }
    }

    private static SchemaProblem Describe(string keyword, string fallback, string evaluationPath, string pointer, YamlSite site, YamlAsJson instance)
    {
        var parentPointer = pointer[..Math.Max(0, pointer.LastIndexOf('/'))];
        var within = site.ParentName is null ? string.Empty : $" in {site.ParentName}";
        var keySpan = site.KeySpan ?? site.ValueSpan;
        if (evaluationPath.EndsWith("/additionalProperties", StringComparison.Ordinal) && keyword.Length == 0)
        {
            // additionalProperties: false — a key the schema does not know, often a typo.
            var known = SchemaAt(instance.Root, parentPointer) is { } parent && parent.TryGetProperty("properties", out var properties)
                ? string.Join(", ", properties.EnumerateObject().Select(p => p.Name))
                : string.Empty;
            return new SchemaProblem(pointer, keySpan, $"Unknown key '{site.Key}'{within}; expected one of {known}");
        }

        if (evaluationPath.EndsWith("/propertyNames", StringComparison.Ordinal))
        {
            var names = SchemaAt(instance.Root, parentPointer) is { } parent && parent.TryGetProperty("propertyNames", out var propertyNames) ? Dereference(propertyNames) : null;
            var expected = names is { } schema && schema.TryGetProperty("patternErrorMessage", out var message) ? message.GetString() : $"is not allowed ({fallback})";
            return new SchemaProblem(pointer, keySpan, $"The key '{site.Key}'{within} {expected}");
        }

        var at = SchemaAt(instance.Root, pointer);
        var text = keyword switch
        {
            "type" when at?.TryGetProperty("type", out var types) == true => $"{site.Name} must be {Types(types)}, not {Actual(site.Node)}",
            "enum" when at?.TryGetProperty("enum", out var values) == true => $"{site.Name} must be {OneOf(values.EnumerateArray().Select(v => v.ToString()))}, not {Actual(site.Node)}",
            "pattern" when at?.TryGetProperty("patternErrorMessage", out var message) == true => $"{site.Name} {message.GetString()}, not {Actual(site.Node)}",
            _ => $"{site.Name}: {fallback}",
        };
        return new SchemaProblem(pointer, site.ValueSpan, text);
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

    private static JsonElement? Dereference(JsonElement? schema)
    {
        // Only local references ("#/$defs/glob") occur in our schema; a chain ends within a few hops.
        for (var hops = 0; hops < 8 && schema is { ValueKind: JsonValueKind.Object } node && node.TryGetProperty("$ref", out var reference); hops++)
        {
            var target = reference.GetString();
            if (target is null || !target.StartsWith("#/", StringComparison.Ordinal))
            {
                return null;
            }

            JsonElement? resolved = Document;
            foreach (var segment in Segments(target[1..]))
            {
                resolved = resolved is { ValueKind: JsonValueKind.Object } at && at.TryGetProperty(segment, out var next) ? next : null;
            }

            schema = resolved;
        }

        return schema;
    }

    private static IEnumerable<string> Segments(string pointer) =>
        pointer.Length == 0 ? [] : pointer[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));

    private static (JsonSchema, JsonElement) Load()
    {
        using var stream = typeof(ConfigSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement.Clone();
        return (JsonSchema.Build(root), root);
    }
}
