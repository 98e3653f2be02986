namespace HostNetLint.Model.Loading;

/// <summary>The pattern (and the file it is written in) that makes git ignore a path.</summary>
internal sealed record GitIgnoreMatch(GitIgnorePattern Pattern, string File);

/// <summary>
/// Answers "does the repository's <c>.gitignore</c> keep this path out of git?" for paths under the linted root,
/// reading <c>.git/info/exclude</c> and every <c>.gitignore</c> from the root down to the path's directory, as git
/// does: later patterns win over earlier ones, deeper files over shallower ones, and a path inside an ignored
/// directory stays ignored whatever a later pattern says. Each file is read once; files over 1 MiB are not read.
/// </summary>
internal sealed class GitIgnoreRules
{
    private const long MaxFileLength = 1 << 20;

    private readonly FileLoader loader;
    private readonly Dictionary<string, List<GitIgnorePattern>> byDirectory = new(StringComparer.Ordinal);

    public GitIgnoreRules(FileLoader loader)
    {
        this.loader = loader;
    }

    /// <summary>The pattern that ignores <paramref name="fullPath"/> (a file), or null when git would track it.</summary>
    public GitIgnoreMatch? Match(string fullPath)
    {
        if (!loader.IsInsideRoot(fullPath) || fullPath == loader.Root)
        {
            return null;
        }

        var segments = loader.DisplayPath(fullPath).Split('/');
        for (var count = 1; count <= segments.Length; count++)
        {
            var isDirectory = count < segments.Length;
            var decision = Decide(segments, count, isDirectory);
            if (decision is { Pattern.IsNegated: false })
            {
                // An ignored directory hides everything inside it, re-included or not.
                return decision;
            }
        }

        return null;
    }

    /// <summary>The last pattern that matches the path made of the first <paramref name="count"/> segments.</summary>
    private GitIgnoreMatch? Decide(string[] segments, int count, bool isDirectory)
    {
        GitIgnoreMatch? last = null;
        var path = string.Join('/', segments, 0, count);
        foreach (var pattern in Patterns(Path.Combine(loader.Root, ".git", "info", "exclude")))
        {
            if (pattern.Matches(path, isDirectory))
            {
                last = new GitIgnoreMatch(pattern, ".git/info/exclude");
            }
        }

        // A .gitignore applies to the paths below its own directory: the root's, then each directory's on the way.
        for (var depth = 0; depth < count; depth++)
        {
            var directory = string.Join('/', segments, 0, depth);
            var file = depth == 0 ? ".gitignore" : directory + "/.gitignore";
            var relative = string.Join('/', segments, depth, count - depth);
            foreach (var pattern in Patterns(Path.Combine(loader.Root, file)))
            {
                if (pattern.Matches(relative, isDirectory))
                {
                    last = new GitIgnoreMatch(pattern, file);
                }
            }
        }

        return last;
    }

    private List<GitIgnorePattern> Patterns(string fullPath)
    {
        if (byDirectory.TryGetValue(fullPath, out var known))
        {
            return known;
        }

        var patterns = new List<GitIgnorePattern>();
        try
        {
            var info = new FileInfo(fullPath);
            if (info.Exists && info.Length <= MaxFileLength && loader.IsInsideRoot(fullPath))
            {
                foreach (var line in File.ReadAllText(fullPath).Split('\n'))
                {
                    if (GitIgnorePattern.Parse(line) is { } pattern)
                    {
                        patterns.Add(pattern);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // An unreadable .gitignore ignores nothing.
        }

        byDirectory.Add(fullPath, patterns);
        return patterns;
    }
}
