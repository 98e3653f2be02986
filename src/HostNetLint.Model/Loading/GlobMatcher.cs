using System.Text;
using System.Text.RegularExpressions;

namespace HostNetLint.Model.Loading;

/// <summary>
/// Matches root-relative forward-slash paths against globs: <c>*</c> and <c>?</c> stay within a path segment,
/// <c>**</c> spans segments. A glob without <c>/</c> also matches any single file or directory name.
/// </summary>
public sealed class GlobMatcher
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private readonly List<(Regex Pattern, bool NameOnly)> patterns = [];

    public GlobMatcher(IEnumerable<string> globs)
    {
        foreach (var glob in globs)
        {
            var trimmed = glob.Replace('\\', '/').Trim().TrimStart('/');
            if (trimmed.StartsWith("./", StringComparison.Ordinal))
            {
                trimmed = trimmed[2..];
            }

            if (trimmed.Length > 0)
            {
                patterns.Add((new Regex(ToRegex(trimmed.TrimEnd('/')), RegexOptions.CultureInvariant, Timeout), !trimmed.Contains('/', StringComparison.Ordinal)));
            }
        }
    }

    public bool IsMatch(string relativePath)
    {
        if (relativePath.Length == 0 || relativePath == ".")
        {
            return false;
        }

        var name = relativePath[(relativePath.LastIndexOf('/') + 1)..];
        foreach (var (pattern, nameOnly) in patterns)
        {
            if (IsMatch(pattern, relativePath) || IsMatch(pattern, relativePath + "/") || (nameOnly && IsMatch(pattern, name)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMatch(Regex pattern, string text)
    {
        try
        {
            return pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological glob must not stop the run; it simply does not exclude this path.
            return false;
        }
    }

    private static string ToRegex(string glob)
    {
        var builder = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var slash = i + 2 < glob.Length && glob[i + 2] == '/';
                builder.Append(slash ? "(.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*')
            {
                builder.Append("[^/]*");
            }
            else if (c == '?')
            {
                builder.Append("[^/]");
            }
            else
            {
                builder.Append(Regex.Escape(c.ToString()));
            }
        }

        return builder.Append('$').ToString();
    }
}
