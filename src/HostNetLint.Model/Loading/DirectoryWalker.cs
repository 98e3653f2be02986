namespace HostNetLint.Model.Loading;

/// <summary>
/// Lists a directory and its subdirectories in ordinal order, leaving out skipped names, excluded globs and
/// symbolic links (which could lead out of the root or round in circles). Each tree is listed once per run: the
/// model's walk and the install-path index read the same listing.
/// </summary>
internal sealed class DirectoryWalker
{
    // Deeper trees than this are not deployment repositories; the bound keeps the walk finite.
    private const int MaxDepth = 64;

    private readonly FileLoader loader;
    private readonly HashSet<string> skipped;
    private readonly GlobMatcher exclude;
    private readonly Dictionary<string, IReadOnlyList<WalkedDirectory>> listings = new(StringComparer.Ordinal);

    public DirectoryWalker(FileLoader loader, ModelOptions options)
    {
        this.loader = loader;
        skipped = new HashSet<string>(options.SkippedDirectories, StringComparer.Ordinal);
        exclude = new GlobMatcher(options.Exclude);
    }

    // Without exclude globs nothing is excluded, and no file's real path is looked up to find that out.
    public bool IsExcluded(string fullPath) => !exclude.IsEmpty && loader.IsInsideRoot(fullPath) && exclude.IsMatch(loader.DisplayPath(fullPath));

    /// <summary>
    /// <paramref name="directory"/> and every directory below it, depth first in ordinal order, each with its files.
    /// Nothing is reported here: a consumer reports <see cref="WalkedDirectory.FilesError"/> before it uses the files
    /// and <see cref="WalkedDirectory.ChildrenError"/> after, so documents keep the order of a lazy walk.
    /// </summary>
    public IReadOnlyList<WalkedDirectory> List(string directory)
    {
        if (listings.TryGetValue(directory, out var known))
        {
            return known;
        }

        var listing = new List<WalkedDirectory>();
        var pending = new Stack<(string Path, int Depth)>();
        pending.Push((directory, 0));
        while (pending.Count > 0)
        {
            var (current, depth) = pending.Pop();
            var (files, filesError) = FilesIn(current);
            Exception? childrenError = null;
            if (depth < MaxDepth)
            {
                try
                {
                    var children = Directory.GetDirectories(current);
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
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    childrenError = ex;
                }
            }

            listing.Add(new WalkedDirectory(current, files, filesError, childrenError));
        }

        listings[directory] = listing;
        return listing;
    }

    /// <summary>The files directly in <paramref name="directory"/> that are not excluded, in ordinal order (none when it cannot be listed).</summary>
    private (IReadOnlyList<string> Files, Exception? Error) FilesIn(string directory)
    {
        string[] files;
        try
        {
            files = Directory.GetFiles(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ([], ex);
        }

        Array.Sort(files, StringComparer.Ordinal);
        return ([.. files.Where(f => !IsExcluded(f))], null);
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

/// <summary>
/// One directory of a walk: its files (not excluded, ordinal order) and what kept it from being listed, if anything:
/// its files (<see cref="FilesError"/>) or its subdirectories (<see cref="ChildrenError"/>).
/// </summary>
internal sealed record WalkedDirectory(string Path, IReadOnlyList<string> Files, Exception? FilesError, Exception? ChildrenError);
