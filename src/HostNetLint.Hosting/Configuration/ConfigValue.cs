using System.Collections.Immutable;
using System.Text.Json;

namespace HostNetLint.Hosting.Configuration;

/// <summary>
/// A value of hostnetlint.yaml that the schema accepted, as a key binding reads it: typed accessors, and a way to
/// report what the schema cannot say (a CIDR that does not parse, an unknown rule ID) at the value's own span.
/// </summary>
internal readonly struct ConfigValue(JsonElement element, string pointer, ConfigReader reader)
{
    public JsonElement Element => element;

    public bool IsNull => element.ValueKind == JsonValueKind.Null;

    public string Text => element.GetString()!.Trim();

    public bool Boolean => element.GetBoolean();

    public ConfigReader Reader => reader;

    /// <summary>The value as written in the file, for values whose JSON form loses text (a number such as <c>4.10</c>).</summary>
    public string Written => reader.Written(pointer) ?? element.ToString();

    /// <summary>A list of strings (or one string) trimmed; an entry <paramref name="check"/> rejects is reported at its span and left out.</summary>
    public ImmutableArray<string> Strings(Func<string, string?>? check = null)
    {
        var values = ImmutableArray.CreateBuilder<string>();
        var (at, within) = (pointer, reader);
        var items = element.ValueKind == JsonValueKind.Array
            ? element.EnumerateArray().Select((item, index) => new ConfigValue(item, YamlAsJson.Child(at, index.ToString(System.Globalization.CultureInfo.InvariantCulture)), within))
            : [this];
        foreach (var item in items)
        {
            if (check?.Invoke(item.Text) is { } problem)
            {
                item.Problem(problem);
                continue;
            }

            values.Add(item.Text);
        }

        return values.ToImmutable();
    }

    /// <summary>The entries of a mapping, in file order.</summary>
    public IEnumerable<(string Key, ConfigValue Value)> Entries
    {
        get
        {
            var (at, within) = (pointer, reader);
            return element.EnumerateObject().Select(p => (p.Name, new ConfigValue(p.Value, YamlAsJson.Child(at, p.Name), within)));
        }
    }

    /// <summary>The value of a mapping's property, or null when the mapping does not have it.</summary>
    public ConfigValue? Property(string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var child) ? new ConfigValue(child, YamlAsJson.Child(pointer, name), reader) : null;

    /// <summary>Reports a problem with the value.</summary>
    public void Problem(string message) => reader.Add(pointer, atKey: false, message);

    /// <summary>Reports a problem with the key the value is written under.</summary>
    public void KeyProblem(string message) => reader.Add(pointer, atKey: true, message);
}
