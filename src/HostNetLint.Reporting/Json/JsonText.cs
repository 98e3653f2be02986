using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace HostNetLint.Reporting.Json;

/// <summary>How the JSON formats write: indented with LF on every platform, non-ASCII kept as is, valid UTF-8 only.</summary>
public static class JsonText
{
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        NewLine = "\n",

        // Control characters, quotes and backslashes are still escaped; HTML-sensitive characters need not be in a report file.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the document <paramref name="write"/> produces, ending in a line break.</summary>
    public static void Write(TextWriter output, Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(write);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, WriterOptions))
        {
            write(json);
        }

        output.Write(Encoding.UTF8.GetString(stream.ToArray()));
        output.Write('\n');
    }

    /// <summary>
    /// <paramref name="text"/> with every lone surrogate replaced by U+FFFD: UTF-8 cannot carry one, and a path or
    /// value that has one must not stop the report.
    /// </summary>
    public static string Valid(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return string.Create(text.Length, text, static (span, source) =>
                {
                    source.AsSpan().CopyTo(span);
                    for (var j = 0; j < span.Length; j++)
                    {
                        if (char.IsHighSurrogate(span[j]) && j + 1 < span.Length && char.IsLowSurrogate(span[j + 1]))
                        {
                            j++;
                        }
                        else if (char.IsSurrogate(span[j]))
                        {
                            span[j] = '\uFFFD';
                        }
                    }
                });
            }
        }

        return text;
    }
}
