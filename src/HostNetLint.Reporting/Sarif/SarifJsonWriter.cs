using System.Globalization;

namespace HostNetLint.Reporting.Sarif;

/// <summary>
/// Indented JSON text in the exact form the SARIF SDK's serializer (Newtonsoft.Json, <c>Formatting.Indented</c>)
/// gives it: two spaces per level, <c>"name": value</c>, one member or element per line, <c>{}</c> and <c>[]</c> when
/// empty, and only <c>"</c>, <c>\</c>, control characters, U+0085, U+2028 and U+2029 escaped (<c>\uXXXX</c> in
/// lower case where there is no short form). Writing it ourselves keeps the SDK and its reflection out of the
/// Native AOT binary; <c>SarifSdkOracleTests</c> holds every log to the SDK's own reading and writing of it.
/// </summary>
internal sealed class SarifJsonWriter(TextWriter writer)
{
    private const int IndentSize = 2;

    /// <summary>Per open object or array: whether it has a member or element yet.</summary>
    private readonly Stack<bool> containers = new();

    /// <summary>Set after a member name, so the value follows on the same line.</summary>
    private bool afterName;

    public void StartObject() => Open('{');

    public void EndObject() => Close('}');

    public void StartArray() => Open('[');

    public void EndArray() => Close(']');

    public void Name(string name)
    {
        BeforeValue();
        WriteString(name);
        writer.Write(": ");
        afterName = true;
    }

    public void String(string value)
    {
        BeforeValue();
        WriteString(value);
    }

    public void Number(long value)
    {
        BeforeValue();
        writer.Write(value.ToString(CultureInfo.InvariantCulture));
    }

    public void Boolean(bool value)
    {
        BeforeValue();
        writer.Write(value ? "true" : "false");
    }

    /// <summary>A JSON value written as given, on the current line (how the SDK writes a property bag's entries).</summary>
    public void Raw(string json)
    {
        BeforeValue();
        writer.Write(json);
    }

    public void String(string name, string value)
    {
        Name(name);
        String(value);
    }

    public void Number(string name, long value)
    {
        Name(name);
        Number(value);
    }

    /// <summary>An array of strings on one line, as the SDK stores a property bag entry (<c>["a","b"]</c>).</summary>
    public static string CompactArray(IEnumerable<string> values)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        text.Write('[');
        var first = true;
        foreach (var value in values)
        {
            if (!first)
            {
                text.Write(',');
            }

            WriteString(text, value);
            first = false;
        }

        text.Write(']');
        return text.ToString();
    }

    private void Open(char bracket)
    {
        BeforeValue();
        writer.Write(bracket);
        containers.Push(false);
    }

    private void Close(char bracket)
    {
        if (containers.Pop())
        {
            NewLine();
        }

        writer.Write(bracket);
    }

    /// <summary>The comma and line break before a member or element; nothing for a value after its name.</summary>
    private void BeforeValue()
    {
        if (afterName)
        {
            afterName = false;
            return;
        }

        if (containers.Count == 0)
        {
            return;
        }

        if (containers.Pop())
        {
            writer.Write(',');
        }

        containers.Push(true);
        NewLine();
    }

    private void NewLine()
    {
        writer.Write(writer.NewLine);
        for (var i = containers.Count * IndentSize; i > 0; i--)
        {
            writer.Write(' ');
        }
    }

    private void WriteString(string value) => WriteString(writer, value);

    private static void WriteString(TextWriter output, string value)
    {
        output.Write('"');
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var escape = value[i] switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\b' => "\\b",
                '\f' => "\\f",
                < ' ' or '\u0085' or '\u2028' or '\u2029' => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)value[i]:x4}"),
                _ => null,
            };
            if (escape is null)
            {
                continue;
            }

            output.Write(value.AsSpan(start, i - start));
            output.Write(escape);
            start = i + 1;
        }

        output.Write(value.AsSpan(start));
        output.Write('"');
    }
}
