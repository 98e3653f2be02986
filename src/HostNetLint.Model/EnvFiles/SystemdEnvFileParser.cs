using System.Collections.Immutable;
using System.Text;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Model.EnvFiles;

/// <summary>
/// Reads env files the way systemd's <c>EnvironmentFile=</c> does (<c>parse_env_file</c>, systemd.exec(5)): lines
/// starting with <c>#</c> or <c>;</c> are comments (a trailing backslash continues them); a line without <c>=</c> is
/// ignored; an unquoted value keeps interior whitespace, loses leading and trailing whitespace, and takes a backslash
/// as "the next character literally" (a backslash before a line break continues the line); a single-quoted value is
/// literal and a double-quoted one knows <c>\" \\ \` \$</c>, both possibly across lines. Names that are not valid
/// environment variable names are ignored, as systemd does. Values are never interpolated.
/// </summary>
internal static class SystemdEnvFileParser
{
    private enum State
    {
        PreKey,
        Key,
        PreValue,
        Value,
        ValueEscape,
        SingleQuoted,
        DoubleQuoted,
        DoubleQuotedEscape,
        Comment,
        CommentEscape,
    }

    public static ImmutableArray<EnvFileLine> Parse(string text)
    {
        var lines = ImmutableArray.CreateBuilder<EnvFileLine>();
        var key = new StringBuilder();
        var value = new StringBuilder();
        var state = State.PreKey;
        int keyStart = 0, keyEnd = 0, valueStart = -1, valueEnd = -1, lastValueWhitespace = -1;

        void Push()
        {
            var name = key.ToString();
            var written = lastValueWhitespace >= 0 ? value.ToString(0, lastValueWhitespace) : value.ToString();
            if (IsValidName(name))
            {
                var valueSpan = valueStart < 0 ? new TextSpan(keyEnd + 1, 0) : TextSpan.FromBounds(valueStart, valueEnd);
                lines.Add(new EnvFileLine(name, written, Interpolate: false, Inherited: false, TextSpan.FromBounds(keyStart, keyEnd), valueSpan,
                    TextSpan.FromBounds(keyStart, Math.Max(keyEnd, valueSpan.End))));
            }

            key.Clear();
            value.Clear();
            valueStart = valueEnd = lastValueWhitespace = -1;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (state)
            {
                case State.PreKey:
                    if (c is '#' or ';')
                    {
                        state = State.Comment;
                    }
                    else if (!IsWhitespace(c))
                    {
                        state = State.Key;
                        keyStart = i;
                        keyEnd = i + 1;
                        key.Append(c);
                    }

                    break;
                case State.Key:
                    if (IsNewline(c))
                    {
                        // A line without "=" is ignored.
                        state = State.PreKey;
                        key.Clear();
                    }
                    else if (c == '=')
                    {
                        state = State.PreValue;
                        key.Length = key.ToString().TrimEnd(' ', '\t').Length;
                        keyEnd = keyStart + key.Length;
                    }
                    else
                    {
                        key.Append(c);
                    }

                    break;
                case State.PreValue:
                    if (IsNewline(c))
                    {
                        state = State.PreKey;
                        Push();
                    }
                    else if (c == '\'')
                    {
                        Mark(i, i + 1);
                        state = State.SingleQuoted;
                    }
                    else if (c == '"')
                    {
                        Mark(i, i + 1);
                        state = State.DoubleQuoted;
                    }
                    else if (c == '\\')
                    {
                        Mark(i, i + 1);
                        state = State.ValueEscape;
                    }
                    else if (!IsWhitespace(c))
                    {
                        Mark(i, i + 1);
                        state = State.Value;
                        value.Append(c);
                    }

                    break;
                case State.Value:
                    if (IsNewline(c))
                    {
                        state = State.PreKey;
                        Push();
                    }
                    else if (c == '\\')
                    {
                        state = State.ValueEscape;
                        lastValueWhitespace = -1;
                        valueEnd = i + 1;
                    }
                    else
                    {
                        if (!IsWhitespace(c))
                        {
                            lastValueWhitespace = -1;
                            valueEnd = i + 1;
                        }
                        else if (lastValueWhitespace < 0)
                        {
                            lastValueWhitespace = value.Length;
                        }

                        value.Append(c);
                    }

                    break;
                case State.ValueEscape:
                    state = State.Value;
                    if (!IsNewline(c))
                    {
                        value.Append(c);
                        valueEnd = i + 1;
                    }

                    break;
                case State.SingleQuoted:
                    valueEnd = i + 1;
                    if (c == '\'')
                    {
                        state = State.PreValue;
                    }
                    else
                    {
                        value.Append(c);
                    }

                    break;
                case State.DoubleQuoted:
                    valueEnd = i + 1;
                    if (c == '"')
                    {
                        state = State.PreValue;
                    }
                    else if (c == '\\')
                    {
                        state = State.DoubleQuotedEscape;
                    }
                    else
                    {
                        value.Append(c);
                    }

                    break;
                case State.DoubleQuotedEscape:
                    valueEnd = i + 1;
                    state = State.DoubleQuoted;
                    if (c is '"' or '\\' or '`' or '$')
                    {
                        value.Append(c);
                    }
                    else if (c != '\n')
                    {
                        value.Append('\\').Append(c);
                    }

                    break;
                case State.Comment:
                    if (c == '\\')
                    {
                        state = State.CommentEscape;
                    }
                    else if (IsNewline(c))
                    {
                        state = State.PreKey;
                    }

                    break;
                case State.CommentEscape:
                    state = State.Comment;
                    break;
            }
        }

        if (state is State.PreValue or State.Value or State.ValueEscape or State.SingleQuoted or State.DoubleQuoted or State.DoubleQuotedEscape)
        {
            Push();
        }

        return lines.ToImmutable();

        void Mark(int start, int end)
        {
            if (valueStart < 0)
            {
                valueStart = start;
            }

            valueEnd = end;
        }
    }

    private static bool IsNewline(char c) => c is '\n' or '\r';

    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\n' or '\r';

    /// <summary>systemd's <c>env_name_is_valid</c>: letters, digits and underscores, not starting with a digit.</summary>
    private static bool IsValidName(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
