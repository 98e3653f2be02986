using HostNetLint.Model.Discovery;
using HostNetLint.Model.Loading;
using HostNetLint.Model.Units;

namespace HostNetLint.Model;

/// <summary>
/// A root's deployments in batches that can be modelled and linted one after another, so that a run holds one batch's
/// files rather than the whole tree's. The result must be the one model of every directory would give; a batch is a
/// run of whole deployment trees, and the split is kept only while the batches prove separate:
/// <list type="bullet">
/// <item>A deployment tree is a directory with files the model reads (compose files, YAML, units, drop-ins,
/// <c>.env</c>) together with everything below it, so a unit and the projects above and below it that co-tenancy
/// looks for stay together.</item>
/// <item>Directories above the trees whose only such files are YAML of no compose name are modelled apart, and stay
/// apart only while that YAML yields no project.</item>
/// <item>A batch reads only files of its own trees: a file of another batch, or of no tree, read through
/// <c>include</c>, <c>extends</c>, an env file or a unit's Exec line, ends the split.</item>
/// <item>No name one batch refers to (<c>container:</c>, <c>Pod=</c>, <c>podman start</c>, <c>service:</c> by project
/// name) is defined by another, and no two batches report the same missing file (<see cref="DeploymentLinks"/>).</item>
/// </list>
/// When a batch breaks either condition <see cref="NextModel"/> gives no more models and <see cref="AreSeparate"/> is
/// false: the caller builds the one model instead. Settings that join files across the tree (declared projects, an
/// editor's overlay) and trees that cannot be listed completely are never split.
/// </summary>
public sealed class SeparateDeployments
{
    private readonly string fullRoot;
    private readonly ModelOptions options;
    private readonly IReadOnlyList<Batch> batches;

    // The walk of the root when the plan walked it: the install-path index reads the same listing.
    private IReadOnlyList<WalkedDirectory>? rootListing;
    private readonly Dictionary<string, (int Batch, bool Several)> defined = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Batch, bool Several)> referenced = new(StringComparer.Ordinal);
    private InstallPathIndex? installPaths;
    private int nextBatch;

    private SeparateDeployments(string fullRoot, ModelOptions options, IReadOnlyList<Batch> batches, IReadOnlyList<WalkedDirectory>? rootListing)
    {
        this.fullRoot = fullRoot;
        this.options = options;
        this.batches = batches;
        this.rootListing = rootListing;
    }

    /// <summary>How many batches the deployments were put in.</summary>
    public int BatchCount => batches.Count;

    /// <summary>False once a batch read another's file or met another's names; final when the last model has been built.</summary>
    public bool AreSeparate { get; private set; } = true;

    /// <summary>
    /// The batches of the directories <paramref name="paths"/> names under <paramref name="root"/> (the root when none),
    /// each with about <paramref name="filesPerBatch"/> files or one whole deployment tree; null when they cannot be
    /// split: a file is named, settings join files across the tree, a directory cannot be listed, or there are fewer
    /// than two deployment trees.
    /// </summary>
    public static SeparateDeployments? Plan(string root, IReadOnlyList<string> paths, ModelOptions options, int filesPerBatch)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Overlay.IsEmpty || !options.Projects.IsEmpty)
        {
            return null;
        }

        var fullRoot = FileLoader.Normalize(root);
        var loader = new FileLoader(fullRoot, options);
        var walker = new DirectoryWalker(loader, options);
        var named = new List<string>();
        foreach (var path in paths.Count == 0 ? [fullRoot] : paths)
        {
            if (!DeploymentModelBuilder.TryGetFullPath(fullRoot, path, out var fullPath) || !Directory.Exists(fullPath) || !loader.IsInsideRoot(fullPath) || walker.IsExcluded(fullPath))
            {
                return null;
            }

            named.Add(fullPath);
        }

        // A directory named twice, or inside another named one, is walked twice by the one model too; keep that model.
        // With a separator after each, a directory sorts right before the first directory inside it.
        var sorted = named.Select(n => n + Path.DirectorySeparatorChar).Order(StringComparer.Ordinal).ToList();
        for (var i = 1; i < sorted.Count; i++)
        {
            if (sorted[i].StartsWith(sorted[i - 1], StringComparison.Ordinal))
            {
                return null;
            }
        }

        var trees = new List<Tree>();
        var loose = new List<WalkedDirectory>();
        foreach (var directory in named)
        {
            if (!AddTrees(walker.List(directory), loader, trees, loose))
            {
                return null;
            }
        }

        if (trees.Count < 2)
        {
            return null;
        }

        var batches = new List<Batch>();
        if (loose.Count > 0)
        {
            var looseBatch = new Batch();
            foreach (var directory in loose)
            {
                looseBatch.AddLoose(loader.DisplayPath(directory.Path), directory);
            }

            batches.Add(looseBatch);
        }

        var current = new Batch();
        foreach (var tree in trees)
        {
            if (current.Files > 0 && current.Files + tree.Files > filesPerBatch)
            {
                batches.Add(current);
                current = new Batch();
            }

            current.Add(tree);
        }

        batches.Add(current);
        return new SeparateDeployments(fullRoot, options, batches, named.Count == 1 && named[0] == fullRoot ? walker.List(fullRoot) : null);
    }

    /// <summary>
    /// Each batch's model, in walk order. Ends early, with <see cref="AreSeparate"/> false, at the first batch that is not
    /// separate from the ones before it; the models given so far are then not the root's.
    /// </summary>
    public IEnumerable<DeploymentModel> Models()
    {
        while (NextModel() is { } model)
        {
            yield return model;
        }
    }

    /// <summary>
    /// The model of the next batch (they are built in order); null when there is none left, or when this batch shows
    /// that the deployments are not separate (then <see cref="AreSeparate"/> is false). A caller that drops each model
    /// before it asks for the next holds one batch's model at a time; <see cref="Models"/> holds the last one it gave.
    /// </summary>
    public DeploymentModel? NextModel()
    {
        if (nextBatch >= batches.Count || !AreSeparate)
        {
            return null;
        }

        var index = nextBatch++;
        installPaths ??= new InstallPathIndex { RootListing = rootListing };
        rootListing = null;
        var batch = batches[index];
        var model = DeploymentModelBuilder.BuildListing(fullRoot, batch.Listing, options, installPaths);
        batch.ReleaseListing();
        if (!model.Documents.All(d => batch.Holds(d.Path)) || !Link(index, model.Links)
            || (batch.IsLoose && !(model.ComposeProjects.IsEmpty && model.Units.IsEmpty && model.Workloads.IsEmpty)))
        {
            AreSeparate = false;
            return null;
        }

        return model;
    }

    /// <summary>
    /// Adds the deployment trees of one walk, and the loose directories above them: directories whose only files the
    /// model might read are YAML of no compose name that compose's sniffer passes over (<c>.pre-commit-config.yaml</c>,
    /// <c>hostnetlint.yaml</c>), with a directory of other deployment files below them. False when a directory could not
    /// be listed, or the root is one tree.
    /// </summary>
    private static bool AddTrees(IReadOnlyList<WalkedDirectory> listing, FileLoader loader, List<Tree> trees, List<WalkedDirectory> loose)
    {
        if (listing.Any(d => d.FilesError is not null || d.ChildrenError is not null))
        {
            return false;
        }

        // The directories with surely deployment files (not just any YAML) at or below them; children come after
        // their parent in the walk, so one pass from the end reaches every ancestor.
        var kinds = listing.Select(d => d.Files.Select(DeploymentModelBuilder.ReadAheadKindOf).Where(k => k is not null).ToList()).ToList();
        var definite = new HashSet<string>(StringComparer.Ordinal);
        for (var i = listing.Count - 1; i >= 0; i--)
        {
            var path = listing[i].Path;
            if (kinds[i].Any(k => k != ReadAheadKind.YamlIfSniffed) || definite.Contains(path))
            {
                definite.Add(path);
                if (Path.GetDirectoryName(path) is { } parent)
                {
                    definite.Add(parent);
                }
            }
        }

        Tree? tree = null;
        for (var i = 0; i < listing.Count; i++)
        {
            // The walk is depth first, so a tree's directories follow its top one without a break.
            var directory = listing[i];
            var display = loader.DisplayPath(directory.Path);
            if (tree is not null && display.StartsWith(tree.Top + "/", StringComparison.Ordinal))
            {
                tree.Add(directory);
                continue;
            }

            tree = null;
            if (kinds[i].Count == 0)
            {
                continue;
            }

            // Only YAML here that compose's sniffer passes over (no "services"), and a tree further down.
            if (kinds[i].All(k => k == ReadAheadKind.YamlIfSniffed) && definite.Contains(directory.Path) && !directory.Files.Any(f => MayBeCompose(loader, f)))
            {
                loose.Add(directory);
                continue;
            }

            // The root itself starts a tree: everything is one tree.
            if (string.Equals(directory.Path, loader.Root, StringComparison.Ordinal))
            {
                return false;
            }

            tree = new Tree(display);
            tree.Add(directory);
            trees.Add(tree);
        }

        return true;
    }

    /// <summary>True when the model could take <paramref name="fullPath"/> (any YAML) for a compose file, as its sniffer decides.</summary>
    private static bool MayBeCompose(FileLoader loader, string fullPath) =>
        DeploymentModelBuilder.ReadAheadKindOf(fullPath) is not null
        && loader.Peek(fullPath, ComposeSniffer.MaxSniffedLength, ComposeSniffer.MayBeCompose) is { } document
        && ComposeSniffer.MayBeCompose(document.Text.Text);

    /// <summary>Records a batch's names; false when one it refers to is defined by another batch, or the reverse.</summary>
    private bool Link(int batch, DeploymentLinks links)
    {
        foreach (var name in links.Defined)
        {
            Record(defined, name, batch);
        }

        foreach (var name in links.Referenced)
        {
            Record(referenced, name, batch);
        }

        foreach (var name in links.Defined.Concat(links.Referenced))
        {
            if (defined.TryGetValue(name, out var definer) && referenced.TryGetValue(name, out var referrer)
                && (definer.Several || referrer.Several || definer.Batch != referrer.Batch))
            {
                return false;
            }
        }

        return true;
    }

    private static void Record(Dictionary<string, (int Batch, bool Several)> names, string name, int batch) =>
        names[name] = names.TryGetValue(name, out var seen) ? (seen.Batch, seen.Several || seen.Batch != batch) : (batch, false);

    /// <summary>A directory with deployment files and every directory below it.</summary>
    private sealed class Tree(string top)
    {
        public string Top { get; } = top;

        public List<WalkedDirectory> Directories { get; } = [];

        public int Files { get; private set; }

        public void Add(WalkedDirectory directory)
        {
            Directories.Add(directory);
            Files += directory.Files.Count;
        }
    }

    /// <summary>Deployment trees modelled together, or the loose directories (files only, no subdirectories).</summary>
    private sealed class Batch
    {
        private readonly HashSet<string> tops = new(StringComparer.Ordinal);
        private readonly HashSet<string> looseDirectories = new(StringComparer.Ordinal);

        public List<WalkedDirectory> Listing { get; } = [];

        public int Files { get; private set; }

        /// <summary>
        /// A batch of loose directories stays separate only while it yields no project, unit or workload: a project there
        /// would be the one a unit below looks for above its own directory.
        /// </summary>
        public bool IsLoose => looseDirectories.Count > 0;

        public void Add(Tree tree)
        {
            tops.Add(tree.Top);
            Listing.AddRange(tree.Directories);
            Files += tree.Files;
        }

        /// <summary>Lets the listing go once the batch is modelled: a large root's listing is larger than its findings.</summary>
        public void ReleaseListing()
        {
            Listing.Clear();
            Listing.TrimExcess();
        }

        public void AddLoose(string displayPath, WalkedDirectory directory)
        {
            looseDirectories.Add(displayPath);
            Listing.Add(directory);
            Files += directory.Files.Count;
        }

        /// <summary>True when the file at <paramref name="displayPath"/> (root-relative) lies in one of the batch's trees or loose directories.</summary>
        public bool Holds(string displayPath)
        {
            var end = displayPath.LastIndexOf('/');
            if (looseDirectories.Contains(end < 0 ? string.Empty : displayPath[..end]))
            {
                return true;
            }

            for (; end > 0; end = displayPath.LastIndexOf('/', end - 1))
            {
                if (tops.Contains(displayPath[..end]))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
