using System.Collections.Immutable;
using System.Text;

namespace HostNetLint.Model.EnvFiles;

/// <summary>
/// Reads env files the way compose-go's <c>dotenv</c> parser does (compose-spec/compose-go, <c>dotenv/parser.go</c>):
/// statements may start after any whitespace; <c>#</c> starts a comment line; an <c>export </c> prefix is dropped;
/// the name ends at <c>=</c> or <c>:</c>, or at the end of the line (then the value is inherited from the environment);
/// a single-quoted value is literal (only <c>\'</c> is unescaped); a double-quoted value has its escapes expanded and is
/// interpolated; both may span lines; an unquoted value runs to the end of the line, loses a <c> #comment</c> and
/// trailing whitespace, and is interpolated.
/// </summary>
/// <remarks>
/// Where compose stops with an error (a name with a space or another character compose does not allow, an
/// unterminated quote) that line is skipped and the rest is still read; compose would refuse the file, and HostNetLint
/// does not guess what it meant. One pass over the text: linear in its length.
/// </remarks>
internal static class ComposeEnvFileParser
{
    public static ImmutableArray<EnvFileLine> Parse(string text)
    {
        var lines = ImmutableArray.CreateBuilder<EnvFileLine>();
        var pos = 0;
        while (true)
        {
            while (pos < text.Length && char.IsWhiteSpace(text[pos]))
            {
                pos++;
            }

            if (pos >= text.Length)
            {
                break;
            }

            if (text[pos] == '#')
            {
                pos = LineEnd(text, pos);
                continue;
            }

            if (string.CompareOrdinal(text, pos, "export", 0, 6) == 0 && pos + 6 < text.Length && text[pos + 6] is ' ' or '\t')
            {
                pos += 6;
                while (pos < text.Length && IsSpace(text[pos]))
                {
                    pos++;
                }
            }

            var nameStart = pos;
            var separator = -1;
            var valid = true;
            for (; pos < text.Length; pos++)
            {
                var c = text[pos];
                if (c is '=' or ':' or '\n')
                {
                    separator = pos;
                    break;
                }

                valid &= IsSpace(c) || char.IsLetterOrDigit(c) || c is '_' or '.' or '-' or '[' or ']';
            }

            var name = text[nameStart..(separator < 0 ? text.Length : separator)].TrimEnd();
            if (separator < 0 || !valid || name.Length == 0 || name.Contains(' ', StringComparison.Ordinal) || name.Contains('\t', StringComparison.Ordinal))
            {
                // compose refuses such a file (or sets a nameless variable at the very end); skip the line.
                pos = separator < 0 ? text.Length : LineEnd(text, separator);
                continue;
            }

            var nameSpan = new Parsing.Text.TextSpan(nameStart, name.Length);
            if (text[separator] == '\n')
            {
                lines.Add(new EnvFileLine(name, string.Empty, Interpolate: false, Inherited: true, nameSpan, new Parsing.Text.TextSpan(nameSpan.End, 0), nameSpan));
                pos = separator + 1;
                continue;
            }

            pos = separator + 1;
            while (pos < text.Length && IsSpace(text[pos]))
            {
                pos++;
            }

            var valueStart = pos;
            if (pos < text.Length && text[pos] is '\'' or '"')
            {
                var quote = text[pos];
                if (ReadQuoted(text, pos, quote) is not var (value, close))
                {
                    pos = LineEnd(text, pos);
                    continue;
                }

                var isDouble = quote == '"';
                lines.Add(new EnvFileLine(name, isDouble ? ExpandEscapes(value) : value, isDouble, Inherited: false, nameSpan,
                    Parsing.Text.TextSpan.FromBounds(valueStart, close + 1), Parsing.Text.TextSpan.FromBounds(nameStart, close + 1)));

                // Text after the closing quote (usually a comment) is not part of the value.
                pos = LineEnd(text, close + 1);
                continue;
            }

            var end = LineEnd(text, pos);
            var raw = text[pos..end];
            var comment = raw.IndexOf(" #", StringComparison.Ordinal);
            var unquoted = (comment >= 0 ? raw[..comment] : raw).TrimEnd();
            lines.Add(new EnvFileLine(name, unquoted, Interpolate: true, Inherited: false, nameSpan,
                new Parsing.Text.TextSpan(valueStart, unquoted.Length), Parsing.Text.TextSpan.FromBounds(nameStart, valueStart + unquoted.Length)));
            pos = end;
        }

        return lines.ToImmutable();
    }

    /// <summary>compose-go's <c>isSpace</c>: whitespace other than a line break.</summary>
    private static bool IsSpace(char c) => c is '\t' or '\v' or '\f' or '\r' or ' ' or '\u0085' or '\u00A0';

    private static int LineEnd(string text, int from)
    {
        var newline = text.IndexOf('\n', from);
        return newline < 0 ? text.Length : newline;
    }

    /// <summary>The quoted value starting at <paramref name="open"/>: an escaped quote is the quote itself, other escapes are kept for later.</summary>
    private static (string Value, int Close)? ReadQuoted(string text, int open, char quote)
    {
        var value = new StringBuilder();
        var escaped = false;
        for (var i = open + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c != quote)
            {
                if (!escaped && c == '\\')
                {
                    escaped = true;
                    continue;
                }

                if (escaped)
                {
                    escaped = false;
                    value.Append('\\');
                }

                value.Append(c);
                continue;
            }

            if (escaped)
            {
                escaped = false;
                value.Append(c);
                continue;
            }

            return (value.ToString(), i);
        }

        return null;
    }

    /// <summary>
    /// compose-go's <c>expandEscapes</c> for double-quoted values: <c>\a \b \f \n \r \t \v \" \\</c>, octal <c>\0NNN</c>,
    /// and <c>\$</c>, which becomes <c>$$</c> so that interpolation leaves a literal <c>$</c>. Other escapes stay as written.
    /// </summary>
    private static string ExpandEscapes(string value)
    {
        if (!value.Contains('\\', StringComparison.Ordinal))
        {
            return value;
        }

        var result = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\' || i + 1 >= value.Length)
            {
                result.Append(value[i]);
                continue;
            }

            var next = value[i + 1];
            string? replacement = next switch
            {
                'a' => "\a",
                'b' => "\b",
                'f' => "\f",
                'n' => "\n",
                'r' => "\r",
                't' => "\t",
                'v' => "\v",
                '"' => "\"",
                '\\' => "\\",
                '$' => "$$",
                _ => null,
            };
            if (replacement is not null)
            {
                result.Append(replacement);
                i++;
            }
            else if (next == '0')
            {
                // \0 followed by up to three octal digits, read as Go reads \NNN (three digits, at most 0377).
                var digits = 0;
                while (digits < 3 && i + 2 + digits < value.Length && value[i + 2 + digits] is >= '0' and <= '7')
                {
                    digits++;
                }

                if (digits == 3 && Convert.ToInt32(value.Substring(i + 2, 3), 8) is var code and <= 255)
                {
                    result.Append((char)code);
                    i += 4;
                }
                else
                {
                    result.Append('\\');
                }
            }
            else
            {
                result.Append('\\');
            }
        }

        return result.ToString();
    }
}
