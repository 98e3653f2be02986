using System.Globalization;
using System.Text;

namespace HostNetLint.Reporting;

/// <summary>
/// Makes text that came from the files (paths, service names and values quoted in messages) safe to print as part
/// of one line of a terminal, a build log or a problem matcher's input, as compilers do: every control character
/// (C0 with tab and line breaks, DEL, C1 with NEL U+0085), the Unicode line and paragraph separators, the bidirectional
/// controls that reorder what is shown, and a lone surrogate are written as escapes (<c>\n</c>, <c>\r</c>, <c>\t</c>,
/// else <c>\uXXXX</c>). So a directory named <c>x\napp.yml(1,1): error HNL1001: forged</c> cannot print a line of its
/// own, and ESC, CSI and OSC sequences cannot reach the terminal. The second <c>#</c> of <c>##[</c> is written
/// <c>\u0023</c>: GitHub's runner takes <c>##[command]</c> anywhere in a log line as a workflow command, so a quoted
/// value cannot mask secrets or stop command processing. Escaping escaped text changes nothing.
/// </summary>
public static class TerminalText
{
    public static string Escape(string text) => Escape(text, keepLineBreaks: false);

    /// <summary>
    /// <see cref="Escape(string)"/>, but CR and LF stay for a caller that encodes them itself (GitHub's workflow
    /// commands write them as <c>%0D</c> and <c>%0A</c>).
    /// </summary>
    public static string Escape(string text, bool keepLineBreaks)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = FirstToEscape(text, keepLineBreaks);
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

            if (IsCommandPrefix(text, i))
            {
                builder.Append("#\\u0023");
                i++;
                continue;
            }

            switch (c)
            {
                case '\n' or '\r' when keepLineBreaks: builder.Append(c); break;
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

    private static int FirstToEscape(string text, bool keepLineBreaks)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if ((NeedsEscape(c) && !(keepLineBreaks && c is '\n' or '\r')) || IsCommandPrefix(text, i))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The <c>##[</c> of GitHub's older workflow command syntax, which the runner finds anywhere in a line.</summary>
    private static bool IsCommandPrefix(string text, int index) =>
        text[index] == '#' && index + 2 < text.Length && text[index + 1] == '#' && text[index + 2] == '[';

    private static bool NeedsEscape(char c) =>
        char.IsControl(c)
        || char.IsSurrogate(c)
        || c is '\u2028' or '\u2029' // line and paragraph separators
        || c is '\u061C' or '\u200E' or '\u200F' // bidirectional marks
        || c is >= '\u202A' and <= '\u202E' // bidirectional embeddings and overrides
        || c is >= '\u2066' and <= '\u2069'; // bidirectional isolates
}
