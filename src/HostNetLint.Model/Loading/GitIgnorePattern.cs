namespace HostNetLint.Model.Loading;

/// <summary>
/// One line of a <c>.gitignore</c> file, compiled the way gitignore(5) reads it: <c>!</c> negates, a trailing
/// <c>/</c> matches directories only, a <c>/</c> at the start or in the middle anchors the pattern to the
/// <c>.gitignore</c>'s directory (otherwise it matches a name at any depth), <c>*</c> and <c>?</c> never match
/// <c>/</c>, <c>[...]</c> is a class, <c>**/</c> matches any number of directories and a trailing <c>/**</c> everything inside.
/// </summary>
/// <remarks>
/// Matching simulates the pattern as a small automaton over the path, one character at a time, so its cost is
/// the path length times the pattern length: no backtracking, whatever the stars.
/// </remarks>
internal sealed class GitIgnorePattern
{
    private readonly Token[] tokens;

    private GitIgnorePattern(string text, bool negated, bool directoryOnly, bool anchored, Token[] tokens)
    {
        Text = text;
        IsNegated = negated;
        IsDirectoryOnly = directoryOnly;
        IsAnchored = anchored;
        this.tokens = tokens;
    }

    private enum Kind
    {
        Literal,
        AnyChar,
        Class,
        Star,
        AnyString,
        Directories,
    }

    /// <summary>The pattern as written (without trailing blanks), for messages.</summary>
    public string Text { get; }

    public bool IsNegated { get; }

    public bool IsDirectoryOnly { get; }

    public bool IsAnchored { get; }

    /// <summary>The pattern of one line, or null for blank lines and comments.</summary>
    public static GitIgnorePattern? Parse(string line)
    {
        line = TrimTrailingBlanks(line.TrimEnd('\r'));
        if (line.Length == 0 || line[0] == '#')
        {
            return null;
        }

        var text = line;
        var negated = line[0] == '!';
        if (negated)
        {
            line = line[1..];
        }

        var directoryOnly = line.EndsWith('/') && !line.EndsWith("\\/", StringComparison.Ordinal);
        if (directoryOnly)
        {
            line = line.TrimEnd('/');
        }

        var anchored = line.Contains('/', StringComparison.Ordinal);
        if (line.StartsWith('/'))
        {
            line = line[1..];
        }

        return line.Length == 0 ? null : new GitIgnorePattern(text, negated, directoryOnly, anchored, Compile(line));
    }

    /// <summary>
    /// True when the pattern matches <paramref name="relativePath"/> (relative to the <c>.gitignore</c>'s directory,
    /// <c>/</c>-separated). A pattern without a slash is matched against the last name only.
    /// </summary>
    public bool Matches(string relativePath, bool isDirectory)
    {
        if (IsDirectoryOnly && !isDirectory)
        {
            return false;
        }

        var subject = IsAnchored ? relativePath : relativePath[(relativePath.LastIndexOf('/') + 1)..];

        // A state per token (about to match it); a "**/" token also has an inside state (within a directory name,
        // waiting for its "/"), so "a/**/b" matches "a/b" and "a/x/y/b" but not "a/xb".
        var active = new bool[tokens.Length + 1];
        var inside = new bool[tokens.Length];
        var next = new bool[tokens.Length + 1];
        var nextInside = new bool[tokens.Length];
        active[0] = true;
        Close(active);
        foreach (var c in subject)
        {
            Array.Clear(next);
            Array.Clear(nextInside);
            var any = false;
            for (var k = 0; k < tokens.Length; k++)
            {
                if (inside[k])
                {
                    any = true;
                    (c == '/' ? next : nextInside)[k] = true;
                }

                if (!active[k])
                {
                    continue;
                }

                var token = tokens[k];
                switch (token.Kind)
                {
                    case Kind.Literal when token.Char == c:
                    case Kind.AnyChar when c != '/':
                    case Kind.Class when c != '/' && token.InClass(c):
                        next[k + 1] = any = true;
                        break;
                    case Kind.Star when c != '/':
                    case Kind.AnyString:
                        next[k] = any = true;
                        break;
                    case Kind.Directories:
                        (c == '/' ? next : nextInside)[k] = any = true;
                        break;
                }
            }

            if (!any)
            {
                return false;
            }

            (active, next) = (next, active);
            (inside, nextInside) = (nextInside, inside);
            Close(active);
        }

        return active[tokens.Length];
    }

    public override string ToString() => Text;

    /// <summary>Adds the states reachable without reading a character: stars and directory runs may match nothing.</summary>
    private void Close(bool[] states)
    {
        for (var k = 0; k < tokens.Length; k++)
        {
            if (states[k] && tokens[k].Kind is Kind.Star or Kind.AnyString or Kind.Directories)
            {
                states[k + 1] = true;
            }
        }
    }

    /// <summary>Trailing blanks are dropped unless escaped with a backslash.</summary>
    private static string TrimTrailingBlanks(string line)
    {
        var end = line.Length;
        while (end > 0 && line[end - 1] == ' ' && !(end >= 2 && line[end - 2] == '\\'))
        {
            end--;
        }

        return line[..end];
    }

    private static Token[] Compile(string pattern)
    {
        var tokens = new List<Token>();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            var segmentStart = i == 0 || pattern[i - 1] == '/';
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*' && segmentStart && (i + 2 == pattern.Length || pattern[i + 2] == '/'))
            {
                // "**" as a whole segment: "**/" is any run of directories, a final "**" is everything.
                if (i + 2 == pattern.Length)
                {
                    tokens.Add(new Token(Kind.AnyString));
                    i++;
                }
                else
                {
                    tokens.Add(new Token(Kind.Directories));
                    i += 2;
                }
            }
            else if (c == '*')
            {
                if (tokens.Count == 0 || tokens[^1].Kind != Kind.Star)
                {
                    tokens.Add(new Token(Kind.Star));
                }
            }
            else if (c == '?')
            {
                tokens.Add(new Token(Kind.AnyChar));
            }
            else if (c == '[' && ReadClass(pattern, i) is var (token, end))
            {
                tokens.Add(token);
                i = end;
            }
            else if (c == '\\' && i + 1 < pattern.Length)
            {
                tokens.Add(new Token(Kind.Literal, pattern[++i]));
            }
            else
            {
                tokens.Add(new Token(Kind.Literal, c));
            }
        }

        return [.. tokens];
    }

    /// <summary>A <c>[...]</c> class starting at <paramref name="open"/>: <c>!</c> or <c>^</c> negates, <c>a-z</c> is a range, a leading <c>]</c> is literal.</summary>
    private static (Token Token, int End)? ReadClass(string pattern, int open)
    {
        var i = open + 1;
        var negated = i < pattern.Length && pattern[i] is '!' or '^';
        if (negated)
        {
            i++;
        }

        var ranges = new List<(char From, char To)>();
        var first = true;
        for (; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == ']' && !first)
            {
                return (new Token(Kind.Class, Ranges: [.. ranges], Negated: negated), i);
            }

            first = false;
            if (c == '\\' && i + 1 < pattern.Length)
            {
                c = pattern[++i];
            }

            if (i + 2 < pattern.Length && pattern[i + 1] == '-' && pattern[i + 2] != ']')
            {
                ranges.Add((c, pattern[i + 2]));
                i += 2;
            }
            else
            {
                ranges.Add((c, c));
            }
        }

        // No closing bracket: the "[" is an ordinary character.
        return null;
    }

    private readonly record struct Token(Kind Kind, char Char = '\0', (char From, char To)[]? Ranges = null, bool Negated = false)
    {
        public bool InClass(char c)
        {
            var found = false;
            foreach (var (from, to) in Ranges!)
            {
                found |= c >= from && c <= to;
            }

            return found != Negated;
        }
    }
}
