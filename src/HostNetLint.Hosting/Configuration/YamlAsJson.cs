using System.Buffers;
using System.Globalization;
using System.Text.Json;
using HostNetLint.Parsing.Text;
using HostNetLint.Parsing.Yaml;

namespace HostNetLint.Hosting.Configuration;

/// <summary>Where a JSON value came from in the YAML text: its key (for mapping entries) and its value, and a readable name.</summary>
/// <param name="Name">The value's place for messages: <c>vmNetworks[1]</c>, <c>reservedPorts.8888</c>, <c>pathMappings['/opt/airflow']</c>.</param>
/// <param name="Key">The key's text for a mapping entry; null for list items and the root.</param>
internal sealed record YamlSite(TextSpan ValueSpan, TextSpan? KeySpan, string Name, string? Key, YamlNode Node, string? ParentName);

/// <summary>
/// A YAML tree as a JSON value (for JSON Schema), keeping for each JSON pointer the YAML spans it came from, so a
/// schema error lands on the key or value the user wrote. Scalars are typed as YAML 1.2's core schema types them:
/// plain <c>true</c> is a boolean, plain <c>8888</c> a number, plain <c>~</c> null, anything quoted a string.
/// Aliases are followed (the parser bounds their expansion); the sites are the alias uses.
/// </summary>
internal sealed class YamlAsJson
{
    private const int MaxDepth = 256;

    private readonly Dictionary<string, YamlSite> sites = new(StringComparer.Ordinal);
    private readonly List<(TextSpan Span, string Message)> problems = [];

    private YamlAsJson()
    {
    }

    public JsonElement Root { get; private set; }

    /// <summary>Nodes JSON cannot say: keys that are not scalars.</summary>
    public IReadOnlyList<(TextSpan Span, string Message)> Problems => problems;

    public static YamlAsJson Convert(YamlNode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var converted = new YamlAsJson();
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { MaxDepth = MaxDepth, SkipValidation = false }))
        {
            converted.Write(writer, root, string.Empty, new YamlSite(root.Span, null, "The configuration", null, root, null));
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory, new JsonDocumentOptions { MaxDepth = MaxDepth });
        converted.Root = document.RootElement.Clone();
        return converted;
    }

    /// <summary>The site of the value at <paramref name="pointer"/> (RFC 6901, as schema failures name instance locations).</summary>
    public YamlSite? Find(string pointer) => sites.GetValueOrDefault(pointer);

    /// <summary>Appends <paramref name="segment"/> to <paramref name="pointer"/>, escaped as RFC 6901 requires.</summary>
    public static string Child(string pointer, string segment) =>
        pointer + "/" + segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private void Write(Utf8JsonWriter writer, YamlNode written, string pointer, YamlSite site)
    {
        sites[pointer] = site;
        var node = written.Resolve();
        switch (node)
        {
            case YamlMapping mapping:
                writer.WriteStartObject();
                foreach (var entry in mapping.Entries)
                {
                    if (entry.Key.Resolve() is not YamlScalar key)
                    {
                        var within = pointer.Length == 0 ? string.Empty : $" in {site.Name}";
                        problems.Add((entry.Key.Span, $"A key{within} must be text, not a {(entry.Key.Resolve() is YamlSequence ? "list" : "mapping")}"));
                        continue;
                    }

                    writer.WritePropertyName(key.Value);
                    var name = pointer.Length == 0 ? key.Value : IsPlainName(key.Value) ? $"{site.Name}.{key.Value}" : $"{site.Name}['{key.Value}']";
                    Write(writer, entry.Value, Child(pointer, key.Value), new YamlSite(entry.Value.Span, entry.Key.Span, name, key.Value, entry.Value, pointer.Length == 0 ? null : site.Name));
                }

                writer.WriteEndObject();
                break;
            case YamlSequence sequence:
                writer.WriteStartArray();
                for (var i = 0; i < sequence.Items.Length; i++)
                {
                    var index = i.ToString(CultureInfo.InvariantCulture);
                    Write(writer, sequence.Items[i], Child(pointer, index), new YamlSite(sequence.Items[i].Span, null, $"{site.Name}[{index}]", null, sequence.Items[i], site.Name));
                }

                writer.WriteEndArray();
                break;
            case YamlScalar scalar:
                WriteScalar(writer, scalar);
                break;
            default:
                // An alias to an unknown anchor; the parser reports it.
                writer.WriteNullValue();
                break;
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, YamlScalar scalar)
    {
        var value = scalar.Value;
        if (scalar.Style != YamlScalarStyle.Plain || scalar.Tag is not null)
        {
            // Quoted, block or explicitly tagged: text (a !!str 5 is the string "5"; other tags are not ours to interpret).
            writer.WriteStringValue(value);
        }
        else if (scalar.IsNull)
        {
            writer.WriteNullValue();
        }
        else if (value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            writer.WriteBooleanValue(value[0] is 't' or 'T');
        }
        else if (CoreSchemaNumber(value) is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    /// <summary>The value of a plain scalar that YAML 1.2's core schema reads as an int or a finite float; null otherwise.</summary>
    private static double? CoreSchemaNumber(string text)
    {
        if (text.Length > 2 && text[0] == '0' && text[1] is 'x' or 'o')
        {
            var style = text[1] == 'x' ? NumberStyles.AllowHexSpecifier : NumberStyles.None;
            var digits = text[2..];
            if (text[1] == 'o')
            {
                return digits.All(c => c is >= '0' and <= '7') && digits.Length <= 21 ? System.Convert.ToInt64(digits, 8) : null;
            }

            return long.TryParse(digits, style, CultureInfo.InvariantCulture, out var hex) ? hex : null;
        }

        // [-+]? ( . digits | digits ( . digits? )? ) ( [eE] [-+]? digits )?
        var i = 0;
        SkipSign(text, ref i);
        var mantissa = Digits(text, ref i);
        if (i < text.Length && text[i] == '.')
        {
            i++;
            mantissa += Digits(text, ref i);
        }

        if (mantissa == 0)
        {
            return null;
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            SkipSign(text, ref i);
            if (Digits(text, ref i) == 0)
            {
                return null;
            }
        }

        return i == text.Length && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? number : null;
    }

    private static void SkipSign(string text, ref int i)
    {
        if (i < text.Length && text[i] is '-' or '+')
        {
            i++;
        }
    }

    private static int Digits(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i - start;
    }

    private static bool IsPlainName(string key) => key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
