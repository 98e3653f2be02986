namespace HostNetLint.Model.Loading;

/// <summary>
/// Lists a directory and its subdirectories in ordinal order, leaving out skipped names, excluded globs and
/// symbolic links (which could lead out of the root or round in circles).
/// </summary>
internal sealed class DirectoryWalker
{
    // Deeper trees than this are not deployment repositories; the bound keeps the walk finite.
    private const int MaxDepth = 64;

    private readonly FileLoader loader;
    private readonly HashSet<string> skipped;
    private readonly GlobMatcher exclude;

    public DirectoryWalker(FileLoader loader, ModelOptions options)
    {
        this.loader = loader;
        skipped = new HashSet<string>(options.SkippedDirectories, StringComparer.Ordinal);
        exclude = new GlobMatcher(options.Exclude);
    }

    public bool IsExcluded(string fullPath) => loader.IsInsideRoot(fullPath) && exclude.IsMatch(loader.DisplayPath(fullPath));

    public IEnumerable<string> Walk(string directory)
    {
        var pending = new Stack<(string Path, int Depth)>();
        pending.Push((directory, 0));
        while (pending.Count > 0)
        {
            var (current, depth) = pending.Pop();
            yield return current;
            if (depth >= MaxDepth)
            {
                continue;
            }

            string[] children;
            try
            {
                children = Directory.GetDirectories(current);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                loader.ReportUnlistableDirectory(current, ex);
                continue;
            }

            Array.Sort(children, StringComparer.Ordinal);
            for (var i = children.Length - 1; i >= 0; i--)
            {
                var child = children[i];
                if (!skipped.Contains(Path.GetFileName(child)) && !IsLink(child) && !IsExcluded(child))
                {
                    pending.Push((child, depth + 1));
                }
            }
        }
    }

    /// <summary>The files directly in <paramref name="directory"/> that are not excluded, in ordinal order (none when it cannot be listed: that is reported at the directory).</summary>
    public IReadOnlyList<string> FilesIn(string directory)
    {
        string[] files;
        try
        {
            files = Directory.GetFiles(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            loader.ReportUnlistableDirectory(directory, ex);
            return [];
        }

        Array.Sort(files, StringComparer.Ordinal);
        return [.. files.Where(f => !IsExcluded(f))];
    }

    private static bool IsLink(string path)
    {
        try
        {
            return new DirectoryInfo(path).LinkTarget is not null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }
}
