using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Parsing.Systemd;

/// <summary>
/// A port of systemd's <c>config_parse_exec()</c> word loop over <c>extract_first_word()</c> with
/// <c>EXTRACT_UNQUOTE | EXTRACT_CUNESCAPE</c>, keeping the value offset of every word so that spans map back
/// to the source through <see cref="UnitValue"/>.
/// </summary>
internal sealed class ExecCommandLineParser
{
    private const int NoWord = 0;
    private const int GotWord = 1;
    private const int Failed = -1;

    private readonly UnitEntry entry;
    private readonly string s;
    private readonly List<ParseProblem> problems = [];
    private readonly List<TextSpan> unknownEscapes = [];

    // Values are built as UTF-8 bytes because \x and octal escapes insert raw bytes, as in systemd.
    private readonly List<byte> bytes = [];
    private int pos;

    public ExecCommandLineParser(UnitEntry entry)
    {
        this.entry = entry;
        s = entry.Value.Text;
    }

    public ExecCommandLine Parse()
    {
        var commands = ImmutableArray.CreateBuilder<ExecCommand>();
        var usesSemicolon = false;
        bool semicolon;
        do
        {
            semicolon = false;
            if (ReadWord(out var first) != GotWord)
            {
                break;
            }

            // A lone ";" (even quoted) where a command should start is skipped, as systemd does.
            if (first.Value == ";")
            {
                semicolon = true;
                usesSemicolon = true;
                continue;
            }

            var (prefixes, prefixLength) = ReadPrefixes(first.Value);
            var rawStartsWithPrefix = string.CompareOrdinal(s, first.Start, first.Value, 0, prefixLength) == 0;
            var executableStart = rawStartsWithPrefix ? first.Start + prefixLength : first.Start;
            var prefixSpan = Map(first.Start, rawStartsWithPrefix ? executableStart : first.Start);
            var path = first.Value[prefixLength..];
            var executable = new ExecArgument(path, Map(executableStart, first.End), s[executableStart..first.End], first.IsQuoted);
            if (path.Length == 0)
            {
                problems.Add(new ParseProblem(ParseProblemKind.Syntax, Map(first.Start, first.End), "Empty executable path in the command line; systemd ignores it"));
                break;
            }

            var arguments = ImmutableArray.CreateBuilder<ExecArgument>();
            var failed = false;
            while (true)
            {
                // extract_first_word() leaves the cursor after the separators, where systemd looks for ";".
                SkipSeparators();
                if (pos >= s.Length)
                {
                    break;
                }

                if (s[pos] == ';' && (pos + 1 == s.Length || IsSeparator(s[pos + 1])))
                {
                    pos++;
                    SkipSeparators();
                    semicolon = true;
                    usesSemicolon = true;
                    break;
                }

                // "\;" on its own is a literal ";" argument (for find -exec and the like).
                if (s[pos] == '\\' && pos + 1 < s.Length && s[pos + 1] == ';' && (pos + 2 == s.Length || IsSeparator(s[pos + 2])))
                {
                    arguments.Add(new ExecArgument(";", Map(pos, pos + 2), "\\;", IsQuoted: false));
                    pos += 2;
                    SkipSeparators();
                    continue;
                }

                var result = ReadWord(out var word);
                if (result == Failed)
                {
                    failed = true;
                    break;
                }

                if (result == NoWord)
                {
                    break;
                }

                arguments.Add(new ExecArgument(word.Value, Map(word.Start, word.End), s[word.Start..word.End], word.IsQuoted));
            }

            if (failed)
            {
                break;
            }

            if ((prefixes & ExecPrefixes.ArgumentZero) != 0 && arguments.Count == 0)
            {
                problems.Add(new ParseProblem(ParseProblemKind.Syntax, prefixSpan.IsEmpty ? executable.Span : prefixSpan, "The '@' prefix needs a second word to pass as argv[0]; systemd ignores this command line"));
                break;
            }

            var end = arguments.Count > 0 ? arguments[^1].Span.End : executable.Span.End;
            commands.Add(new ExecCommand(prefixes, prefixSpan, executable, arguments.ToImmutable(), TextSpan.FromBounds(prefixSpan.Start, end)));
        }
        while (semicolon);

        return new ExecCommandLine(entry, commands.ToImmutable(), [.. problems], [.. unknownEscapes], usesSemicolon);
    }

    private static bool IsSeparator(char c) => c is ' ' or '\t' or '\n' or '\r';

    /// <summary>Prefix characters in the order and combinations systemd accepts; the first other character ends them.</summary>
    private static (ExecPrefixes Prefixes, int Length) ReadPrefixes(string value)
    {
        const ExecPrefixes Privilege = ExecPrefixes.FullPrivileges | ExecPrefixes.NoCredentialChange | ExecPrefixes.AmbientCredentialsFallback;
        var prefixes = ExecPrefixes.None;
        var i = 0;
        for (; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '-' && (prefixes & ExecPrefixes.IgnoreFailure) == 0)
            {
                prefixes |= ExecPrefixes.IgnoreFailure;
            }
            else if (c == '@' && (prefixes & ExecPrefixes.ArgumentZero) == 0)
            {
                prefixes |= ExecPrefixes.ArgumentZero;
            }
            else if (c == ':' && (prefixes & ExecPrefixes.NoEnvironmentExpansion) == 0)
            {
                prefixes |= ExecPrefixes.NoEnvironmentExpansion;
            }
            else if (c == '+' && (prefixes & Privilege) == 0)
            {
                prefixes |= ExecPrefixes.FullPrivileges;
            }
            else if (c == '!' && (prefixes & Privilege) == 0)
            {
                prefixes |= ExecPrefixes.NoCredentialChange;
            }
            else if (c == '!' && (prefixes & (ExecPrefixes.FullPrivileges | ExecPrefixes.AmbientCredentialsFallback)) == 0)
            {
                // A second "!" turns "!" into "!!".
                prefixes = (prefixes & ~ExecPrefixes.NoCredentialChange) | ExecPrefixes.AmbientCredentialsFallback;
            }
            else if (c == '|' && (prefixes & ExecPrefixes.ViaShell) == 0)
            {
                prefixes |= ExecPrefixes.ViaShell;
            }
            else
            {
                break;
            }
        }

        return (prefixes, i);
    }

    private TextSpan Map(int start, int end) => entry.Value.ToSourceSpan(TextSpan.FromBounds(start, end));

    private void SkipSeparators()
    {
        while (pos < s.Length && IsSeparator(s[pos]))
        {
            pos++;
        }
    }

    private int ReadWord(out Word word)
    {
        word = default;
        SkipSeparators();
        if (pos >= s.Length)
        {
            return NoWord;
        }

        var start = pos;
        var quote = '\0';
        var quoteStart = -1;
        var isQuoted = false;
        bytes.Clear();
        while (true)
        {
            if (pos >= s.Length)
            {
                if (quote != '\0')
                {
                    var kind = quote == '"' ? "double" : "single";
                    problems.Add(new ParseProblem(ParseProblemKind.Syntax, Map(quoteStart, quoteStart + 1), $"Unbalanced quoting: this {kind} quote is never closed; systemd ignores the command line"));
                    return Failed;
                }

                break;
            }

            var c = s[pos];
            if (quote != '\0' && c == quote)
            {
                quote = '\0';
                pos++;
                continue;
            }

            if (quote == '\0')
            {
                if (IsSeparator(c))
                {
                    break;
                }

                if (c is '"' or '\'')
                {
                    quote = c;
                    quoteStart = pos;
                    isQuoted = true;
                    pos++;
                    continue;
                }
            }

            if (c == '\\')
            {
                ReadEscape();
            }
            else
            {
                AppendChar();
            }
        }

        var end = pos;
        word = new Word(start, end, Encoding.UTF8.GetString(CollectionsMarshal.AsSpan(bytes)), isQuoted);
        return GotWord;
    }

    private void ReadEscape()
    {
        var escapeStart = pos;
        pos++;
        if (pos >= s.Length)
        {
            // A trailing backslash is kept (systemd's relaxed retry); inside quotes the quote then stays open.
            bytes.Add((byte)'\\');
            unknownEscapes.Add(Map(escapeStart, pos));
            return;
        }

        var consumed = Unescape(pos, out var value, out var isByte);
        if (consumed < 0)
        {
            bytes.Add((byte)'\\');
            AppendChar();
            unknownEscapes.Add(Map(escapeStart, pos));
            return;
        }

        if (isByte)
        {
            bytes.Add((byte)value);
        }
        else
        {
            AppendCodePoint(value);
        }

        pos += consumed;
    }

    /// <summary>systemd's <c>cunescape_one()</c>: the length of the escape after the backslash, or -1 if unknown.</summary>
    private int Unescape(int at, out int value, out bool isByte)
    {
        isByte = false;
        value = 0;
        switch (s[at])
        {
            case 'a': value = '\a'; return 1;
            case 'b': value = '\b'; return 1;
            case 'f': value = '\f'; return 1;
            case 'n': value = '\n'; return 1;
            case 'r': value = '\r'; return 1;
            case 't': value = '\t'; return 1;
            case 'v': value = '\v'; return 1;
            case '\\': value = '\\'; return 1;
            case '"': value = '"'; return 1;
            case '\'': value = '\''; return 1;
            case 's': value = ' '; return 1;
            case 'x':
                // Two hex digits, a raw byte; NUL is refused.
                isByte = true;
                return TryDigits(at + 1, 2, 16, out value) && value != 0 ? 3 : -1;
            case 'u':
                return TryDigits(at + 1, 4, 16, out value) && value != 0 ? 5 : -1;
            case 'U':
                return TryDigits(at + 1, 8, 16, out value) && value != 0 && Rune.IsValid(value) ? 9 : -1;
            case >= '0' and <= '7':
                // Exactly three octal digits, a raw byte up to 0377; NUL is refused.
                isByte = true;
                return TryDigits(at, 3, 8, out value) && value is > 0 and <= 255 ? 3 : -1;
            default:
                return -1;
        }
    }

    private bool TryDigits(int at, int count, int radix, out int value)
    {
        value = 0;
        if (at + count > s.Length)
        {
            return false;
        }

        for (var i = at; i < at + count; i++)
        {
            var digit = s[i] switch
            {
                >= '0' and <= '9' => s[i] - '0',
                >= 'a' and <= 'f' => s[i] - 'a' + 10,
                >= 'A' and <= 'F' => s[i] - 'A' + 10,
                _ => 99,
            };
            if (digit >= radix)
            {
                return false;
            }

            // Eight hex digits can exceed int: keep the value out of range instead of overflowing.
            value = value > 0x10FFFF ? int.MaxValue : (value * radix) + digit;
        }

        return true;
    }

    private void AppendChar()
    {
        var c = s[pos];
        if (char.IsHighSurrogate(c) && pos + 1 < s.Length && char.IsLowSurrogate(s[pos + 1]))
        {
            AppendRune(new Rune(c, s[pos + 1]));
            pos += 2;
            return;
        }

        AppendRune(Rune.TryCreate(c, out var rune) ? rune : Rune.ReplacementChar);
        pos++;
    }

    private void AppendCodePoint(int value) => AppendRune(Rune.IsValid(value) ? new Rune(value) : Rune.ReplacementChar);

    private void AppendRune(Rune rune)
    {
        Span<byte> buffer = stackalloc byte[4];
        var length = rune.EncodeToUtf8(buffer);
        for (var i = 0; i < length; i++)
        {
            bytes.Add(buffer[i]);
        }
    }

    private readonly record struct Word(int Start, int End, string Value, bool IsQuoted);
}
