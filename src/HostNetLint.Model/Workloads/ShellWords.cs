using System.Collections.Immutable;
using System.Text;

namespace HostNetLint.Model.Workloads;

/// <summary>
/// Splits a string into words the way a POSIX shell (and compose's <c>shellwords</c>) does: blanks separate,
/// single quotes are literal, double quotes allow <c>\"</c>, <c>\\</c>, <c>\$</c>, a backslash outside quotes
/// escapes the next character. An unterminated quote runs to the end. Never throws.
/// </summary>
public static class ShellWords
{
    public static ImmutableArray<ShellWord> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = ImmutableArray.CreateBuilder<ShellWord>();
        var current = new StringBuilder();
        var start = -1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                if (start >= 0)
                {
                    words.Add(new ShellWord(current.ToString(), start, i));
                    current.Clear();
                    start = -1;
                }

                i++;
                continue;
            }

            if (start < 0)
            {
                start = i;
            }

            switch (c)
            {
                case '\'':
                    var close = text.IndexOf('\'', i + 1);
                    var end = close < 0 ? text.Length : close;
                    current.Append(text, i + 1, end - i - 1);
                    i = close < 0 ? text.Length : close + 1;
                    break;
                case '"':
                    i = ReadDoubleQuoted(text, i + 1, current);
                    break;
                case '\\' when i + 1 < text.Length:
                    if (text[i + 1] != '\n')
                    {
                        current.Append(text[i + 1]);
                    }

                    i += 2;
                    break;
                default:
                    current.Append(c);
                    i++;
                    break;
            }
        }

        if (start >= 0)
        {
            words.Add(new ShellWord(current.ToString(), start, text.Length));
        }

        return words.ToImmutable();
    }

    /// <summary>Appends a double-quoted string's content from <paramref name="i"/>; returns the index after the closing quote.</summary>
    private static int ReadDoubleQuoted(string text, int i, StringBuilder current)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                return i + 1;
            }

            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\' or '$' or '`' or '\n')
            {
                if (text[i + 1] != '\n')
                {
                    current.Append(text[i + 1]);
                }

                i += 2;
                continue;
            }

            current.Append(c);
            i++;
        }

        return i;
    }
}
