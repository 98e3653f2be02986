using System.Globalization;
using System.Text;

namespace HostNetLint.Reporting;

/// <summary>
/// Makes text that came from the files (paths, service names and values quoted in messages) safe to print as part
/// of one line of a terminal, a build log or a problem matcher's input, as compilers do: every control character
/// (C0 with tab and line breaks, DEL, C1 with NEL U+0085), the Unicode line and paragraph separators, the bidirectional
/// controls that reorder what is shown, and a lone surrogate are written as escapes (<c>\n</c>, <c>\r</c>, <c>\t</c>,
/// else <c>\uXXXX</c>). So a directory named <c>x\napp.yml(1,1): error HNL1001: forged</c> cannot print a line of its
/// own, and ESC, CSI and OSC sequences cannot reach the terminal. Escaping escaped text changes nothing.
/// </summary>
public static class TerminalText
{
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = FirstToEscape(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
                continue;
            }

            switch (c)
            {
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (NeedsEscape(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    private static int FirstToEscape(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (NeedsEscape(c))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c)
        || char.IsSurrogate(c)
        || c is '\u2028' or '\u2029' // line and paragraph separators
        || c is '\u061C' or '\u200E' or '\u200F' // bidirectional marks
        || c is >= '\u202A' and <= '\u202E' // bidirectional embeddings and overrides
        || c is >= '\u2066' and <= '\u2069'; // bidirectional isolates
}
