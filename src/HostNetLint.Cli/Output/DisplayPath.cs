using HostNetLint.Reporting;

namespace HostNetLint.Cli.Output;

/// <summary>
/// The one place that turns paths into what the user sees: relative to the current directory,
/// with forward slashes, the form MSBuild and VS Code problem matchers resolve against the workspace,
/// and with control characters escaped (<see cref="TerminalText"/>), so a file name cannot forge a line.
/// </summary>
public static class DisplayPath
{
    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>
    /// Shows <paramref name="path"/> relative to <paramref name="currentDirectory"/>. A relative
    /// <paramref name="path"/> is taken to be relative to <paramref name="root"/> (the linted root),
    /// which is how the model names the files it read.
    /// </summary>
    public static string For(string path, string root, string currentDirectory) => TerminalText.Escape(Relative(path, root, currentDirectory));

    /// <summary>
    /// <see cref="For"/> without the escaping, for output that quotes paths its own way (a diff for <c>git apply</c>).
    /// </summary>
    public static string Relative(string path, string root, string currentDirectory)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(currentDirectory);
        if (path.Length == 0)
        {
            return path;
        }

        var baseDirectory = Path.GetFullPath(root.Length == 0 ? currentDirectory : root, currentDirectory);
        var full = Path.GetFullPath(path, baseDirectory);
        var relative = Path.GetRelativePath(Path.GetFullPath(currentDirectory), full);
        return ToForwardSlashes(relative);
    }

    /// <summary>Forward slashes on every platform (on Unix a backslash is an ordinary file name character and stays).</summary>
    public static string ToForwardSlashes(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.DirectorySeparatorChar == '/' ? path : path.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>
    /// The deepest directory that contains every one of <paramref name="fullPaths"/> (which must be absolute
    /// and existing): a directory counts as itself, a file as its parent directory.
    /// </summary>
    public static string CommonDirectory(IReadOnlyList<string> fullPaths)
    {
        ArgumentNullException.ThrowIfNull(fullPaths);
        if (fullPaths.Count == 0)
        {
            throw new ArgumentException("At least one path is needed", nameof(fullPaths));
        }

        string? common = null;
        foreach (var fullPath in fullPaths)
        {
            var directory = Directory.Exists(fullPath) ? fullPath : Path.GetDirectoryName(fullPath) ?? fullPath;
            directory = Path.TrimEndingDirectorySeparator(directory);
            common = common is null ? directory : CommonAncestor(common, directory);
        }

        return common!;
    }

    /// <summary>The deepest common ancestor of two absolute directories, compared segment by segment.</summary>
    internal static string CommonAncestor(string first, string second)
    {
        var a = Path.TrimEndingDirectorySeparator(first);
        var b = Path.TrimEndingDirectorySeparator(second);
        while (!IsSameOrAncestor(a, b))
        {
            var parent = Path.GetDirectoryName(a);
            if (parent is null)
            {
                return a;
            }

            a = parent;
        }

        return a;
    }

    private static bool IsSameOrAncestor(string ancestor, string path)
    {
        if (string.Equals(ancestor, path, PathComparison))
        {
            return true;
        }

        if (!path.StartsWith(ancestor, PathComparison))
        {
            return false;
        }

        // "/a/b" is an ancestor of "/a/b/c" but not of "/a/bc"; a root such as "/" already ends in a separator.
        return Path.EndsInDirectorySeparator(ancestor)
            || path[ancestor.Length] == Path.DirectorySeparatorChar
            || path[ancestor.Length] == Path.AltDirectorySeparatorChar;
    }
}
