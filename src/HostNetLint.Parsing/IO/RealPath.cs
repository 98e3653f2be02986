namespace HostNetLint.Parsing.IO;

/// <summary>
/// Resolves a path the way the kernel does when it opens it: every component that is a symbolic link (a directory
/// on the way as well as the last one) is replaced by its target, relative targets against the directory the link
/// is in, and <c>..</c> in a target steps out of the real directory, not the written one. A component that does not
/// exist ends the resolution (the rest is taken as written), so a dangling link resolves to where it points.
/// </summary>
public static class RealPath
{
    // Linux gives up (ELOOP) after 40 links on one path; a loop never ends otherwise.
    private const int MaxLinks = 40;

    private static readonly StringComparison Comparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The real path of the full path <paramref name="fullPath"/>; null when its links loop (or nest deeper than 40).</summary>
    public static string? Resolve(string fullPath)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        var root = Path.GetPathRoot(fullPath);
        if (string.IsNullOrEmpty(root))
        {
            throw new ArgumentException("The path must be absolute", nameof(fullPath));
        }

        return ResolveFrom(root, fullPath[root.Length..]);
    }

    /// <summary>
    /// The real path of <paramref name="relative"/> below <paramref name="realDirectory"/>, a directory already
    /// resolved (so a caller that resolves many files of one directory resolves the directory once); null when the
    /// links loop.
    /// </summary>
    public static string? ResolveFrom(string realDirectory, string relative)
    {
        ArgumentNullException.ThrowIfNull(realDirectory);
        ArgumentNullException.ThrowIfNull(relative);
        var pending = new Stack<string>();
        Push(pending, relative);
        var current = realDirectory;
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Join(current, part);
            if (LinkTarget(next) is not { } target)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            if (Path.GetPathRoot(target) is { Length: > 0 } targetRoot)
            {
                current = targetRoot;
                target = target[targetRoot.Length..];
            }

            Push(pending, target);
        }

        return current;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="directory"/> or lies below it (both full, both resolved or both not).</summary>
    public static bool IsUnder(string directory, string path)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(path);
        var trimmed = Path.TrimEndingDirectorySeparator(directory);
        if (string.Equals(trimmed, Path.TrimEndingDirectorySeparator(path), Comparison))
        {
            return true;
        }

        return path.StartsWith(Path.EndsInDirectorySeparator(trimmed) ? trimmed : trimmed + Path.DirectorySeparatorChar, Comparison);
    }

    private static void Push(Stack<string> pending, string relative)
    {
        var parts = relative.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]);
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            pending.Push(parts[i]);
        }
    }

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not there, or not searchable: what is there cannot be a link we could follow.
            return null;
        }
    }
}
