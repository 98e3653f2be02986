using HostNetLint.Parsing.Globs;

namespace HostNetLint.Model.Loading;

/// <summary>
/// Matches root-relative forward-slash paths against globs: <c>*</c> and <c>?</c> stay within a path segment,
/// <c>**</c> spans segments. A glob without <c>/</c> also matches any single file or directory name. The globs
/// compile to linear-time matchers (<see cref="Glob"/>), so no pattern can stall the walk.
/// </summary>
public sealed class GlobMatcher
{
    private readonly List<(Glob Pattern, bool NameOnly)> patterns = [];

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
                patterns.Add((Glob.Compile(trimmed.TrimEnd('/'), GlobSyntax.Path), !trimmed.Contains('/', StringComparison.Ordinal)));
            }
        }
    }

    /// <summary>True when no glob was given: nothing matches.</summary>
    public bool IsEmpty => patterns.Count == 0;

    public bool IsMatch(string relativePath)
    {
        if (relativePath.Length == 0 || relativePath == ".")
        {
            return false;
        }

        var name = relativePath[(relativePath.LastIndexOf('/') + 1)..];
        foreach (var (pattern, nameOnly) in patterns)
        {
            if (pattern.IsMatch(relativePath) || pattern.IsMatch(relativePath + "/") || (nameOnly && pattern.IsMatch(name)))
            {
                return true;
            }
        }

        return false;
    }
}
