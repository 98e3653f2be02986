using System.IO.Enumeration;

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

    // Directory.GetFiles's options (EnumerationOptions.Compatible), and the same without symbolic links.
    private static readonly EnumerationOptions EveryEntry = new() { MatchType = MatchType.Win32, AttributesToSkip = 0, IgnoreInaccessible = false };
    private static readonly EnumerationOptions WithoutLinks = new() { MatchType = MatchType.Win32, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = false };

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
            listing.Add(Scan(current, depth, depth < MaxDepth ? pending : null));
        }

        listings[directory] = listing;
        return listing;
    }

    private static (string Path, bool IsDirectory) ToPathAndKind(ref FileSystemEntry entry) => (entry.ToSpecifiedFullPath(), entry.IsDirectory);

    private static string ToPath(ref FileSystemEntry entry) => entry.ToSpecifiedFullPath();

    private static bool IsFile(ref FileSystemEntry entry) => !entry.IsDirectory;

    /// <summary>
    /// Lists <paramref name="directory"/>: its files (ordinal order, excluded ones left out, links among them noted)
    /// and, unless <paramref name="children"/> is null, its subdirectories that are walked on, pushed so that they pop in
    /// ordinal order. Links to directories are not followed, so a link cannot lead out of the root or round in circles.
    /// </summary>
    private WalkedDirectory Scan(string directory, int depth, Stack<(string Path, int Depth)>? children)
    {
        string[] all;
        var plainFiles = new List<string>();
        var subdirectories = new List<string>();
        try
        {
            // Entries that are not links first: the entry type says which are links, so leaving them out costs no
            // system call, where asking an entry whether it is one does (lstat).
            foreach (var (path, isDirectory) in new FileSystemEnumerable<(string, bool)>(directory, ToPathAndKind, WithoutLinks))
            {
                (isDirectory ? subdirectories : plainFiles).Add(path);
            }

            // Then every file, links to files included, as Directory.GetFiles lists them.
            all = [.. new FileSystemEnumerable<string>(directory, ToPath, EveryEntry) { ShouldIncludePredicate = IsFile }];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A directory that cannot be listed has neither files nor subdirectories to offer.
            return new WalkedDirectory(directory, [], ex, children is null ? null : ex) { IsPlainChild = depth > 0 };
        }

        if (children is not null)
        {
            subdirectories.Sort(StringComparer.Ordinal);
            for (var i = subdirectories.Count - 1; i >= 0; i--)
            {
                var child = subdirectories[i];
                if (!skipped.Contains(Path.GetFileName(child)) && !IsExcluded(child))
                {
                    children.Push((child, depth + 1));
                }
            }
        }

        Array.Sort(all, StringComparer.Ordinal);
        string[] kept = exclude.IsEmpty ? all : [.. all.Where(f => !IsExcluded(f))];
        return new WalkedDirectory(directory, kept, null, null)
        {
            HasEveryFile = kept.Length == all.Length,
            IsPlainChild = depth > 0,
            Links = all.Length == plainFiles.Count ? null : [.. all.Except(plainFiles, StringComparer.Ordinal)],
        };
    }
}

/// <summary>
/// One directory of a walk: its files (not excluded, ordinal order) and what kept it from being listed, if anything:
/// its files (<see cref="FilesError"/>) or its subdirectories (<see cref="ChildrenError"/>).
/// </summary>
internal sealed record WalkedDirectory(string Path, IReadOnlyList<string> Files, Exception? FilesError, Exception? ChildrenError)
{
    /// <summary>True when <see cref="Files"/> is every file the directory held when it was listed: none was excluded.</summary>
    public bool HasEveryFile { get; init; }

    /// <summary>
    /// True for a directory the walk reached from its parent, which is therefore not a symbolic link; false for the
    /// directory the walk started from.
    /// </summary>
    public bool IsPlainChild { get; init; }

    /// <summary>The files that are symbolic links, in ordinal order; null when there are none.</summary>
    public string[]? Links { get; init; }

    /// <summary>The directory without its files, for a listing kept only for its directories: it no longer says what is there.</summary>
    public WalkedDirectory WithoutFiles() => this with { Files = [], HasEveryFile = false, Links = null };

    /// <summary>True when the listing shows that <paramref name="fullPath"/>, one of <see cref="Files"/>, is not a symbolic link.</summary>
    public bool IsPlainFile(string fullPath) =>
        HasEveryFile && Files is string[] sorted && Array.BinarySearch(sorted, fullPath, StringComparer.Ordinal) >= 0
        && (Links is null || Array.BinarySearch(Links, fullPath, StringComparer.Ordinal) < 0);

    /// <summary>
    /// What <see cref="File.Exists"/> said of <paramref name="fullPath"/> (a path directly in this directory) when the
    /// directory was listed, when the listing shows it; null when only the file system can tell.
    /// </summary>
    /// <remarks>
    /// The listing holds what <see cref="File.Exists"/> accepts: every entry but directories and links to them. A name
    /// it lacks in every case is not there; a name it has in another case only may be there on a case-insensitive
    /// file system (<c>Compose.yaml</c> for <c>compose.yaml</c>), so that one is left to the file system.
    /// </remarks>
    public bool? HoldsFile(string fullPath)
    {
        if (!HasEveryFile || Files is not string[] sorted)
        {
            return null;
        }

        if (Array.BinarySearch(sorted, fullPath, StringComparer.Ordinal) >= 0)
        {
            return true;
        }

        foreach (var file in sorted)
        {
            if (string.Equals(file, fullPath, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }

        return false;
    }
}
