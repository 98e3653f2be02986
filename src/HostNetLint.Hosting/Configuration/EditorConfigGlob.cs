using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HostNetLint.Hosting.Configuration;

/// <summary>
/// An EditorConfig section glob: <c>*</c> (not <c>/</c>), <c>**</c> (anything; <c>**/</c> also matches no
/// directory), <c>?</c>, <c>[seq]</c>, <c>[!seq]</c>, <c>{a,b}</c> (nested too), <c>{n..m}</c> and <c>\</c>
/// escapes. A glob without <c>/</c> matches a file name at any depth below the <c>.editorconfig</c>; one with
/// <c>/</c> is relative to its directory (a leading <c>/</c> is dropped). Translated to one regular expression;
/// numeric ranges are captured and checked after the match.
/// </summary>
public sealed class EditorConfigGlob
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    private readonly Regex? regex;
    private readonly List<(long Min, long Max)> ranges;

    private EditorConfigGlob(Regex? regex, List<(long Min, long Max)> ranges)
    {
        this.regex = regex;
        this.ranges = ranges;
    }

    /// <summary>Compiles <paramref name="glob"/>; a glob that cannot be translated matches nothing.</summary>
    public static EditorConfigGlob Create(string glob)
    {
        ArgumentNullException.ThrowIfNull(glob);
        var ranges = new List<(long, long)>();
        var anchored = ContainsSeparator(glob);
        var body = glob.StartsWith('/') ? glob[1..] : glob;
        var pattern = new StringBuilder("^");
        if (!anchored)
        {
            pattern.Append("(?:.*/)?");
        }

        Translate(body, pattern, ranges);
        pattern.Append('$');
        try
        {
            return new EditorConfigGlob(new Regex(pattern.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline, MatchTimeout), ranges);
        }
        catch (ArgumentException)
        {
            return new EditorConfigGlob(null, ranges);
        }
    }

    /// <summary>True when <paramref name="relativePath"/> (forward slashes, relative to the .editorconfig's directory) matches.</summary>
    public bool IsMatch(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        if (regex is null)
        {
            return false;
        }

        Match match;
        try
        {
            match = regex.Match(relativePath);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }

        if (!match.Success)
        {
            return false;
        }

        for (var i = 0; i < ranges.Count; i++)
        {
            var group = match.Groups["r" + i.ToString(CultureInfo.InvariantCulture)];
            if (group.Success && (!long.TryParse(group.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) || number < ranges[i].Min || number > ranges[i].Max))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ContainsSeparator(string glob)
    {
        var inBrackets = false;
        for (var i = 0; i < glob.Length; i++)
        {
            switch (glob[i])
            {
                case '\\': i++; break;
                case '[': inBrackets = true; break;
                case ']': inBrackets = false; break;
                case '/' when !inBrackets: return true;
            }
        }

        return false;
    }

    private static void Translate(string glob, StringBuilder pattern, List<(long, long)> ranges)
    {
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '\\' when i + 1 < glob.Length:
                    pattern.Append(Regex.Escape(glob[++i].ToString()));
                    break;
                case '*' when i + 1 < glob.Length && glob[i + 1] == '*':
                    i++;
                    if (i + 1 < glob.Length && glob[i + 1] == '/')
                    {
                        i++;
                        pattern.Append("(?:.*/)?");
                    }
                    else
                    {
                        pattern.Append(".*");
                    }

                    break;
                case '*':
                    pattern.Append("[^/]*");
                    break;
                case '?':
                    pattern.Append("[^/]");
                    break;
                case '[':
                    i = TranslateBracket(glob, i, pattern);
                    break;
                case '{':
                    i = TranslateBrace(glob, i, pattern, ranges);
                    break;
                default:
                    pattern.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
    }

    private static int TranslateBracket(string glob, int open, StringBuilder pattern)
    {
        var close = glob.IndexOf(']', open + 1);
        if (close < 0 || glob.AsSpan(open, close - open).Contains('/'))
        {
            pattern.Append("\\[");
            return open;
        }

        var content = glob[(open + 1)..close];
        var negate = content.StartsWith('!') || content.StartsWith('^');
        if (negate)
        {
            content = content[1..];
        }

        var set = new StringBuilder();
        foreach (var ch in content)
        {
            // Keep ranges (a-z) but escape everything the regex class syntax treats specially.
            set.Append(ch is '\\' or ']' or '[' or '^' ? "\\" + ch : ch.ToString());
        }

        pattern.Append(negate ? "[^/" : "[").Append(set).Append(']');
        return close;
    }

    private static int TranslateBrace(string glob, int open, StringBuilder pattern, List<(long, long)> ranges)
    {
        var close = MatchingBrace(glob, open);
        if (close < 0)
        {
            pattern.Append("\\{");
            return open;
        }

        var content = glob[(open + 1)..close];
        var range = Regex.Match(content, @"^([+-]?\d+)\.\.([+-]?\d+)$", RegexOptions.CultureInvariant, MatchTimeout);
        if (range.Success
            && long.TryParse(range.Groups[1].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var from)
            && long.TryParse(range.Groups[2].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var to))
        {
            pattern.Append("(?<r").Append(ranges.Count.ToString(CultureInfo.InvariantCulture)).Append(">[+-]?\\d+)");
            ranges.Add((Math.Min(from, to), Math.Max(from, to)));
            return close;
        }

        var alternatives = SplitTopLevel(content);
        if (alternatives.Count < 2)
        {
            // "{single}" is literal text in EditorConfig.
            pattern.Append("\\{");
            Translate(content, pattern, ranges);
            pattern.Append("\\}");
            return close;
        }

        pattern.Append("(?:");
        for (var a = 0; a < alternatives.Count; a++)
        {
            if (a > 0)
            {
                pattern.Append('|');
            }

            Translate(alternatives[a], pattern, ranges);
        }

        pattern.Append(')');
        return close;
    }

    private static int MatchingBrace(string glob, int open)
    {
        var depth = 0;
        for (var i = open; i < glob.Length; i++)
        {
            switch (glob[i])
            {
                case '\\': i++; break;
                case '{': depth++; break;
                case '}' when --depth == 0: return i;
            }
        }

        return -1;
    }

    private static List<string> SplitTopLevel(string content)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < content.Length; i++)
        {
            switch (content[i])
            {
                case '\\': i++; break;
                case '{': depth++; break;
                case '}': depth--; break;
                case ',' when depth == 0:
                    parts.Add(content[start..i]);
                    start = i + 1;
                    break;
            }
        }

        parts.Add(content[start..]);
        return parts;
    }
}
