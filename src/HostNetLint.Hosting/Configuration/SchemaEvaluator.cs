using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HostNetLint.Hosting.Configuration;

/// <summary>Which schema keyword a value of hostnetlint.yaml failed.</summary>
internal enum SchemaFailureKind
{
    /// <summary><c>additionalProperties: false</c>: a key the schema does not list (often a typo).</summary>
    UnknownKey,

    /// <summary><c>propertyNames</c>: a key whose name the schema refuses.</summary>
    BadKeyName,

    Type,
    Enum,
    Pattern,
    Required,
    MinItems,
}

/// <summary>
/// A failed keyword: the instance location (RFC 6901; for <see cref="SchemaFailureKind.UnknownKey"/> and
/// <see cref="SchemaFailureKind.BadKeyName"/> the offending entry), the schema object that holds the keyword
/// (dereferenced), and for <c>required</c> and <c>minItems</c> what was expected.
/// </summary>
internal sealed record SchemaFailure(SchemaFailureKind Kind, string Pointer, JsonElement Schema, string? Expected = null);

/// <summary>
/// Evaluates <c>hostnetlint.schema.json</c> over a configuration as JSON: the part of JSON Schema 2020-12 that file
/// uses (<see cref="Keywords"/>; a test keeps the schema within it). Written here rather than taken from JsonSchema.Net,
/// which loads every meta-schema in a module initializer: Native AOT runs that at every start (about a third of the
/// binary's start-up, even for <c>--version</c>), and JIT-compiling the library cost the .NET tool 140 ms whenever a
/// hostnetlint.yaml exists (README "Speed").
/// </summary>
internal static class SchemaEvaluator
{
    /// <summary>The keywords understood; annotations (<c>description</c>, <c>patternErrorMessage</c>, ...) are read for messages only.</summary>
    public static readonly IReadOnlySet<string> Keywords = new HashSet<string>(StringComparer.Ordinal)
    {
        "$schema", "$id", "$defs", "$ref", "title", "description", "patternErrorMessage",
        "type", "enum", "pattern", "properties", "additionalProperties", "propertyNames", "items", "required", "minItems",
    };

    // Our own patterns over short configuration values; the timeout is a guard, not a limit anyone should meet.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private static readonly Dictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    /// <summary>Every failure of <paramref name="instance"/> against <paramref name="schema"/>, a schema inside <paramref name="document"/> (which <c>$ref</c>s point into).</summary>
    public static List<SchemaFailure> Evaluate(JsonElement document, JsonElement schema, JsonElement instance)
    {
        var failures = new List<SchemaFailure>();
        Evaluate(document, schema, instance, string.Empty, failures);
        return failures;
    }

    /// <summary>The keywords <paramref name="schema"/> and its subschemas use that <see cref="Keywords"/> does not know, as <c>path: keyword</c>.</summary>
    public static IEnumerable<string> UnknownKeywords(JsonElement schema, string path = "")
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var property in schema.EnumerateObject())
        {
            if (!Keywords.Contains(property.Name))
            {
                yield return $"{path}: {property.Name}";
            }

            var subschemas = property.Name switch
            {
                "properties" or "$defs" => property.Value.ValueKind == JsonValueKind.Object ? property.Value.EnumerateObject().Select(p => (Path: $"{path}/{property.Name}/{p.Name}", p.Value)) : [],
                "additionalProperties" or "propertyNames" or "items" => [($"{path}/{property.Name}", property.Value)],
                _ => [],
            };
            foreach (var (subPath, subschema) in subschemas)
            {
                foreach (var unknown in UnknownKeywords(subschema, subPath))
                {
                    yield return unknown;
                }
            }
        }
    }

    private static void Evaluate(JsonElement document, JsonElement schema, JsonElement instance, string pointer, List<SchemaFailure> failures)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        // 2020-12: $ref applies beside its sibling keywords.
        if (schema.TryGetProperty("$ref", out var reference) && Resolve(document, reference.GetString()) is { } target)
        {
            Evaluate(document, target, instance, pointer, failures);
        }

        if (schema.TryGetProperty("type", out var types) && !HasType(instance, types))
        {
            failures.Add(new SchemaFailure(SchemaFailureKind.Type, pointer, schema));
        }

        if (schema.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => JsonElement.DeepEquals(v, instance)))
        {
            failures.Add(new SchemaFailure(SchemaFailureKind.Enum, pointer, schema));
        }

        if (instance.ValueKind == JsonValueKind.String && schema.TryGetProperty("pattern", out var pattern) && !Matches(pattern.GetString()!, instance.GetString()!))
        {
            failures.Add(new SchemaFailure(SchemaFailureKind.Pattern, pointer, schema));
        }

        if (instance.ValueKind == JsonValueKind.Array)
        {
            if (schema.TryGetProperty("minItems", out var minItems) && instance.GetArrayLength() < minItems.GetInt32())
            {
                failures.Add(new SchemaFailure(SchemaFailureKind.MinItems, pointer, schema, minItems.GetInt32().ToString(CultureInfo.InvariantCulture)));
            }

            if (schema.TryGetProperty("items", out var items))
            {
                var index = 0;
                foreach (var item in instance.EnumerateArray())
                {
                    Evaluate(document, items, item, pointer + "/" + index.ToString(CultureInfo.InvariantCulture), failures);
                    index++;
                }
            }
        }

        if (instance.ValueKind == JsonValueKind.Object)
        {
            EvaluateObject(document, schema, instance, pointer, failures);
        }
    }

    private static void EvaluateObject(JsonElement document, JsonElement schema, JsonElement instance, string pointer, List<SchemaFailure> failures)
    {
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(n => n.GetString()!).Where(n => !instance.TryGetProperty(n, out _)))
            {
                failures.Add(new SchemaFailure(SchemaFailureKind.Required, pointer, schema, name));
            }
        }

        var properties = schema.TryGetProperty("properties", out var p) ? p : (JsonElement?)null;
        var additional = schema.TryGetProperty("additionalProperties", out var a) ? a : (JsonElement?)null;
        var names = schema.TryGetProperty("propertyNames", out var n) ? Dereference(document, n) : null;
        foreach (var property in instance.EnumerateObject())
        {
            var child = YamlAsJson.Child(pointer, property.Name);
            if (names is { } nameSchema && nameSchema.TryGetProperty("pattern", out var namePattern) && !Matches(namePattern.GetString()!, property.Name))
            {
                failures.Add(new SchemaFailure(SchemaFailureKind.BadKeyName, child, nameSchema));
            }

            if (properties is { } listed && listed.TryGetProperty(property.Name, out var propertySchema))
            {
                Evaluate(document, propertySchema, property.Value, child, failures);
            }
            else if (additional is { ValueKind: JsonValueKind.False })
            {
                failures.Add(new SchemaFailure(SchemaFailureKind.UnknownKey, child, schema));
            }
            else if (additional is { ValueKind: JsonValueKind.Object } additionalSchema)
            {
                Evaluate(document, additionalSchema, property.Value, child, failures);
            }
        }
    }

    private static bool HasType(JsonElement instance, JsonElement types) =>
        types.ValueKind == JsonValueKind.Array ? types.EnumerateArray().Any(t => IsType(instance, t.GetString())) : IsType(instance, types.GetString());

    private static bool IsType(JsonElement instance, string? type) => type switch
    {
        "object" => instance.ValueKind == JsonValueKind.Object,
        "array" => instance.ValueKind == JsonValueKind.Array,
        "string" => instance.ValueKind == JsonValueKind.String,
        "boolean" => instance.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => instance.ValueKind == JsonValueKind.Null,
        "number" => instance.ValueKind == JsonValueKind.Number,
        "integer" => instance.ValueKind == JsonValueKind.Number && instance.TryGetDouble(out var value) && Math.Floor(value) == value,
        _ => throw new InvalidOperationException($"hostnetlint.schema.json names the type '{type}', which JSON Schema does not have."),
    };

    private static bool Matches(string pattern, string value)
    {
        Regex? regex;
        lock (Patterns)
        {
            if (!Patterns.TryGetValue(pattern, out regex))
            {
                Patterns[pattern] = regex = new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
            }
        }

        return regex.IsMatch(value);
    }

    /// <summary><paramref name="schema"/> with its <c>$ref</c> followed (for keywords read from it directly, such as propertyNames' pattern).</summary>
    private static JsonElement? Dereference(JsonElement document, JsonElement schema)
    {
        // Only local references ("#/$defs/glob") occur in our schema; a chain ends within a few hops.
        JsonElement? current = schema;
        for (var hops = 0; hops < 8 && current is { ValueKind: JsonValueKind.Object } node && node.TryGetProperty("$ref", out var reference); hops++)
        {
            current = Resolve(document, reference.GetString());
        }

        return current;
    }

    private static JsonElement? Resolve(JsonElement document, string? reference)
    {
        if (reference is null || !reference.StartsWith('#'))
        {
            return null;
        }

        JsonElement? resolved = document;
        foreach (var segment in Segments(reference[1..]))
        {
            resolved = resolved is { ValueKind: JsonValueKind.Object } at && at.TryGetProperty(segment, out var next) ? next : null;
        }

        return resolved;
    }

    /// <summary>The unescaped segments of an RFC 6901 pointer.</summary>
    private static IEnumerable<string> Segments(string pointer) =>
        pointer.Length == 0 ? [] : pointer[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
}
