using HostNetLint.Model.Compose;
using HostNetLint.Model.Loading;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Model.Units;

/// <summary>
/// Maps paths on the target host (<c>/opt/airflow/docker-compose.yaml</c>) to files in the linted root:
/// first <see cref="ModelOptions.PathMappings"/> (longest prefix wins), else the longest run of trailing path
/// segments that names exactly one file (or compose directory) in the root. Ambiguity resolves nothing.
/// </summary>
internal sealed class InstallPathResolver
{
    // A repository with more files than this is not walked further for suffix matching; the bound keeps it finite.
    private const int MaxIndexedFiles = 200_000;

    private readonly FileLoader loader;
    private readonly DirectoryWalker walker;
    private readonly ModelOptions options;
    private readonly InstallPathIndex index;

    /// <param name="index">The root's indexes, shared by the models of one root's deployments when they are built one after another.</param>
    public InstallPathResolver(FileLoader loader, DirectoryWalker walker, ModelOptions options, InstallPathIndex index)
    {
        this.loader = loader;
        this.walker = walker;
        this.options = options;
        this.index = index;
    }

    /// <summary>An absolute install path from <paramref name="path"/>, relative ones taken from <paramref name="workingDirectory"/> (else <c>/</c>, systemd's default).</summary>
    public static string Absolute(string path, string? workingDirectory) =>
        path.StartsWith('/') ? path : (workingDirectory ?? "/").TrimEnd('/') + "/" + path;

    public PathResolution ResolveFile(string installPath) => Resolve(installPath, directory: false);

    /// <summary>Resolves a directory compose would discover a project in (one with a compose file).</summary>
    public PathResolution ResolveComposeDirectory(string installPath) => Resolve(installPath, directory: true);

    private static string[] Segments(string path)
    {
        var segments = new List<string>();
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment != ".")
            {
                segments.Add(segment);
            }
        }

        return [.. segments];
    }

    private PathResolution Resolve(string installPath, bool directory)
    {
        var segments = Segments(installPath);
        var normalized = "/" + string.Join('/', segments);
        if (segments.Length == 0)
        {
            return PathResolution.Missing($"'{installPath}' names no file");
        }

        // A path joined from WorkingDirectory= and a relative file reads better without "./" in messages.
        var shown = installPath.Contains("/./", StringComparison.Ordinal) || installPath.Contains("/../", StringComparison.Ordinal) ? normalized : installPath;
        if (Mapped(normalized) is { } mapped)
        {
            return mapped;
        }

        var candidates = directory ? ComposeDirectories() : Files();
        for (var count = segments.Length; count >= 1; count--)
        {
            var (match, matches) = candidates.Find(segments, count);
            if (matches == 1)
            {
                return PathResolution.Found(FileLoader.Normalize(Path.Combine([loader.Root, .. match!])));
            }

            if (matches > 1)
            {
                var suffix = string.Join('/', segments[^count..]);
                return PathResolution.Missing($"'{shown}' is ambiguous: {matches} {(directory ? "compose directories" : "files")} in the linted root end with '{suffix}'; add a path mapping");
            }
        }

        return PathResolution.Missing(directory
            ? $"'{shown}' matches no compose directory in the linted root; add a path mapping"
            : $"'{shown}' matches no file in the linted root; add a path mapping") with { MatchesNothing = true };
    }

    private PathResolution? Mapped(string normalized)
    {
        string? bestKey = null;
        foreach (var key in options.PathMappings.Keys)
        {
            var prefix = "/" + string.Join('/', Segments(key));
            var matches = prefix == "/" || normalized == prefix || normalized.StartsWith(prefix + "/", StringComparison.Ordinal);
            if (matches && (bestKey is null || prefix.Length > ("/" + string.Join('/', Segments(bestKey))).Length))
            {
                bestKey = key;
            }
        }

        if (bestKey is null)
        {
            return null;
        }

        var bestPrefix = "/" + string.Join('/', Segments(bestKey));
        var rest = normalized.Length > bestPrefix.Length ? normalized[(bestPrefix.Length == 1 ? 1 : bestPrefix.Length + 1)..] : string.Empty;
        var target = options.PathMappings[bestKey].Trim('/');
        string fullPath;
        try
        {
            fullPath = FileLoader.Normalize(Path.Combine(loader.Root, target, rest));
        }
        catch (ArgumentException)
        {
            return PathResolution.Missing($"'{normalized}' maps to an invalid path");
        }

        var display = string.Join('/', new[] { target, rest }.Where(part => part.Length > 0));
        if (!loader.IsInsideRoot(fullPath))
        {
            return PathResolution.Missing($"'{normalized}' maps to '{display}', which is outside the linted root");
        }

        return File.Exists(fullPath) || Directory.Exists(fullPath)
            ? PathResolution.Found(fullPath)
            : PathResolution.Missing($"'{normalized}' maps to '{display}', which does not exist in the linted root") with { MappedPath = fullPath };
    }

    private SuffixIndex Files()
    {
        if (index.Files is null)
        {
            index.Files = new SuffixIndex(WalkFiles());

            // What is left to index is directories: the listing of every file of a large root need not stay.
            index.RootListing = [.. RootListing().Select(d => d.WithoutFiles())];
        }

        return index.Files;
    }

    private List<string[]> WalkFiles()
    {
        var found = new List<string[]>();
        foreach (var directory in RootListing())
        {
            // A directory's files share its segments, and names that repeat (docker-compose.yaml) share one string.
            var directorySegments = Segments(loader.DisplayPath(directory.Path));

            // A directory whose files cannot be listed adds none; one whose subdirectories cannot is reported.
            foreach (var name in directory.Files)
            {
                if (found.Count >= MaxIndexedFiles)
                {
                    return found;
                }

                found.Add([.. directorySegments, SharedStrings.Share(Path.GetFileName(name))]);
            }

            ReportChildrenError(directory);
        }

        return found;
    }

    private SuffixIndex ComposeDirectories()
    {
        if (index.ComposeDirectories is null)
        {
            var found = new List<string[]>();
            foreach (var directory in RootListing())
            {
                if (ComposeFileNames.Discover(directory.Path, f => directory.HoldsFile(f) ?? File.Exists(f)).Count > 0)
                {
                    found.Add(Segments(loader.DisplayPath(directory.Path)));
                }

                ReportChildrenError(directory);
            }

            index.ComposeDirectories = new SuffixIndex(found);
        }

        return index.ComposeDirectories;
    }

    private IReadOnlyList<WalkedDirectory> RootListing() => index.RootListing ??= walker.List(loader.Root);

    private void ReportChildrenError(WalkedDirectory directory)
    {
        if (directory.ChildrenError is { } error)
        {
            loader.ReportUnlistableDirectory(directory.Path, error);
        }
    }

    /// <summary>
    /// Every trailing run of segments of every candidate, with how many candidates end with it and the last of them,
    /// so that resolving a unit's path costs its own length, not the number of files in the root. A run is a candidate's
    /// segments and a count, not a joined string: a large root's index holds no text of its own.
    /// </summary>
    internal sealed class SuffixIndex
    {
        private readonly Dictionary<Suffix, (string[] Last, int Count)> bySuffix = new(SuffixComparer.Instance);

        public SuffixIndex(List<string[]> candidates)
        {
            foreach (var candidate in candidates)
            {
                for (var count = 1; count <= candidate.Length; count++)
                {
                    var key = new Suffix(candidate, count);
                    bySuffix[key] = (candidate, bySuffix.GetValueOrDefault(key).Count + 1);
                }
            }
        }

        /// <summary>The candidates that end with the last <paramref name="count"/> of <paramref name="segments"/>: how many, and the last one.</summary>
        public (string[]? Last, int Count) Find(string[] segments, int count) =>
            bySuffix.TryGetValue(new Suffix(segments, count), out var found) ? found : (null, 0);

        /// <summary>The last <see cref="Count"/> of <see cref="Segments"/>.</summary>
        private readonly record struct Suffix(string[] Segments, int Count);

        private sealed class SuffixComparer : IEqualityComparer<Suffix>
        {
            public static SuffixComparer Instance { get; } = new();

            public bool Equals(Suffix x, Suffix y) =>
                x.Count == y.Count && x.Segments.AsSpan(x.Segments.Length - x.Count).SequenceEqual(y.Segments.AsSpan(y.Segments.Length - y.Count));

            public int GetHashCode(Suffix suffix)
            {
                var hash = new HashCode();
                foreach (var segment in suffix.Segments.AsSpan(suffix.Segments.Length - suffix.Count))
                {
                    hash.Add(segment, StringComparer.Ordinal);
                }

                return hash.ToHashCode();
            }
        }
    }
}

/// <summary>
/// The root's files and compose directories by trailing path segments, made on first use. Every model of one root
/// reads the same tree, so the models of its separate deployments share one index rather than each walking the root.
/// </summary>
internal sealed class InstallPathIndex
{
    public IReadOnlyList<WalkedDirectory>? RootListing { get; set; }

    public InstallPathResolver.SuffixIndex? Files { get; set; }

    public InstallPathResolver.SuffixIndex? ComposeDirectories { get; set; }
}
