using System.Text;

namespace HostNetLint.Reporting.GitHub;

/// <summary>
/// Text from the files made literal in GitHub-flavoured Markdown: control characters as visible escapes
/// (<see cref="TerminalText"/>), then a backslash before every ASCII punctuation character, which CommonMark allows
/// for all of them. So a message cannot open a link, an image, HTML, emphasis or a code span, and a <c>|</c> cannot
/// end a table cell.
/// </summary>
public static class MarkdownText
{
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var visible = TerminalText.Escape(text);
        var builder = new StringBuilder(visible.Length + 16);
        foreach (var c in visible)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is ' ' || !char.IsAscii(c))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('\\').Append(c);
            }
        }

        return builder.ToString();
    }
}
