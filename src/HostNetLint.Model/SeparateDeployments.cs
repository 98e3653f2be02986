using HostNetLint.Model.Discovery;
using HostNetLint.Model.Loading;
using HostNetLint.Model.Units;

namespace HostNetLint.Model;

/// <summary>
/// A root's deployments in batches that can be modelled and linted one after another, so that a run holds one batch's
/// files rather than the whole tree's. The result must be the one model of every directory would give; a batch is a
/// run of whole deployment trees, and batches stand apart only while they prove separate:
/// <list type="bullet">
/// <item>A deployment tree is a directory with files the model reads (compose files, YAML, units, drop-ins,
/// <c>.env</c>) together with everything below it, so a unit and the projects above and below it that co-tenancy
/// looks for stay together.</item>
/// <item>Directories above the trees whose only such files are YAML of no compose name are modelled apart, and stay
/// apart only while that YAML yields no project.</item>
/// <item>A batch reads only files of its own trees (through <c>include</c>, <c>extends</c>, an env file or a unit's
/// Exec line): a file of another batch joins the two, a file of no tree ends the split.</item>
/// <item>No name one batch refers to (<c>container:</c>, <c>Pod=</c>, <c>podman start</c>, <c>service:</c> by project
/// name) is defined by another, and no two batches report the same missing file (<see cref="DeploymentLinks"/>).</item>
/// </list>
/// Batches that break either of the last two conditions are joined: once every batch has been modelled, each group of
/// joined batches is modelled again as one, until no model meets another group. Only the models whose group was not
/// joined after them stand (<see cref="Stands"/>). The split is given up, and <see cref="AreSeparate"/> is false, when
/// a batch reads a file of no tree, a batch of loose directories yields a project or is joined, every batch ends up in
/// one group, or the joined models would read more files than the planned batches did: the caller builds the one
/// model instead. Settings that join files across the tree (declared projects, an editor's overlay) and trees that
/// cannot be listed completely are never split.
/// </summary>
public sealed class SeparateDeployments
{
    private readonly string fullRoot;
    private readonly ModelOptions options;
    private readonly IReadOnlyList<Batch> batches;

    // The walk of the root when the plan walked it: the install-path index reads the same listing.
    private IReadOnlyList<WalkedDirectory>? rootListing;
    private InstallPathIndex? installPaths;
    private int nextBatch;
    private int nextJoinedId;
    private long joinedFiles;

    // Joined batches (union-find: the lowest batch index is a group's root), and for each root the model that stands for
    // its group (-1 while the group still needs one).
    private readonly int[] groupOf;
    private readonly int[] groupSize;
    private readonly int[] standing;
    private readonly Dictionary<string, int> batchOfTop = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> batchOfLooseDirectory = new(StringComparer.Ordinal);

    // The batches (any member of their group) that define and refer to each name.
    private readonly NameHolders definers = new();
    private readonly NameHolders referrers = new();

    private SeparateDeployments(string fullRoot, ModelOptions options, IReadOnlyList<Batch> batches, IReadOnlyList<WalkedDirectory>? rootListing)
    {
        this.fullRoot = fullRoot;
        this.options = options;
        this.batches = batches;
        this.rootListing = rootListing;
        nextJoinedId = batches.Count;
        groupOf = [.. Enumerable.Range(0, batches.Count)];
        groupSize = [.. Enumerable.Repeat(1, batches.Count)];
        standing = [.. Enumerable.Repeat(-1, batches.Count)];
        for (var i = 0; i < batches.Count; i++)
        {
            foreach (var top in batches[i].Tops)
            {
                batchOfTop[top] = i;
            }

            foreach (var directory in batches[i].LooseDirectories)
            {
                batchOfLooseDirectory[directory] = i;
            }
        }
    }

    /// <summary>How many batches the deployments were put in.</summary>
    public int BatchCount => batches.Count;

    /// <summary>False once the split is given up (see the class summary); final when <see cref="Next"/> has returned null.</summary>
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

    /// <summary>The models <see cref="Next"/> gives, one after another.</summary>
    public IEnumerable<DeploymentModel> Models()
    {
        while (Next() is { } next)
        {
            yield return next.Model;
        }
    }

    /// <summary>
    /// The next model to lint: each batch's in walk order, then each group of joined batches'. Null when there is none
    /// left, or when the split is given up (<see cref="AreSeparate"/> false: the models given so far are then not the
    /// root's). A model whose batch is joined as soon as it is built is not given. A caller that drops each model before
    /// it asks for the next holds one batch's model at a time; once this returns null with <see cref="AreSeparate"/>,
    /// the findings of the models that <see cref="Stands"/> are the root's.
    /// </summary>
    public (int Id, DeploymentModel Model)? Next()
    {
        installPaths ??= new InstallPathIndex { RootListing = rootListing };
        rootListing = null;
        while (AreSeparate)
        {
            int id, member, covered;
            DeploymentModel model;
            if (nextBatch < batches.Count)
            {
                id = member = nextBatch++;
                covered = 1;
                var batch = batches[member];
                model = DeploymentModelBuilder.BuildListing(fullRoot, batch.Listing, options, installPaths);
                batch.ReleaseListing();

                // A project in loose directories would be the one a unit below looks for above its own directory.
                if (batch.IsLoose && !(model.ComposeProjects.IsEmpty && model.Units.IsEmpty && model.Workloads.IsEmpty))
                {
                    return GiveUp();
                }
            }
            else if (JoinedGroupWithoutModel() is { } root)
            {
                member = root;
                id = nextJoinedId++;
                covered = groupSize[root];
                if (BuildJoined(root) is not { } joined)
                {
                    return GiveUp();
                }

                model = joined;
            }
            else
            {
                return null;
            }

            if (!Link(member, model))
            {
                return GiveUp();
            }

            // A batch joined with another, before or by this model, is modelled again with its group.
            var group = Find(member);
            if (groupSize[group] == covered)
            {
                standing[group] = id;
                return (id, model);
            }
        }

        return null;
    }

    /// <summary>
    /// True when the findings of the model <see cref="Next"/> gave as <paramref name="id"/> stand for the root's: its
    /// group was not joined with another after it was built. Final once <see cref="Next"/> has returned null.
    /// </summary>
    public bool Stands(int id)
    {
        var batch = id < batches.Count ? id : Array.IndexOf(standing, id);
        return batch >= 0 && standing[Find(batch)] == id;
    }

    private (int Id, DeploymentModel Model)? GiveUp()
    {
        AreSeparate = false;
        return null;
    }

    /// <summary>The lowest group of joined batches that no model stands for yet, once every batch has been modelled.</summary>
    private int? JoinedGroupWithoutModel()
    {
        for (var i = 0; i < batches.Count; i++)
        {
            if (groupOf[i] == i && standing[i] < 0)
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>
    /// One model of the trees of every batch in <paramref name="root"/>'s group, listed again (a batch lets its listing go
    /// once modelled); null when a batch is loose, a tree is no longer inside the root or cannot be listed, or the joined
    /// models would read more files than the planned batches did (so a lint, the one model included when the split is
    /// then given up, does at most about three times one model's work).
    /// </summary>
    private DeploymentModel? BuildJoined(int root)
    {
        var members = Enumerable.Range(0, batches.Count).Where(i => Find(i) == root).ToList();
        joinedFiles += members.Sum(m => batches[m].Files);
        if (members.Any(m => batches[m].IsLoose) || joinedFiles > batches.Sum(b => (long)b.Files))
        {
            return null;
        }

        var loader = new FileLoader(fullRoot, options);
        var walker = new DirectoryWalker(loader, options);
        var listing = new List<WalkedDirectory>();
        foreach (var top in members.SelectMany(m => batches[m].Tops))
        {
            // Checked again as the plan checked it: the tree may have been replaced by a link since.
            var fullTop = Path.Combine(fullRoot, top);
            if (!loader.IsInsideRoot(fullTop))
            {
                return null;
            }

            var directories = walker.List(fullTop);
            if (directories.Any(d => d.FilesError is not null || d.ChildrenError is not null))
            {
                return null;
            }

            listing.AddRange(directories);
        }

        return DeploymentModelBuilder.BuildListing(fullRoot, listing, options, installPaths!);
    }

    /// <summary>
    /// Joins <paramref name="member"/>'s group with the batches whose files its model read and with the groups whose names
    /// meet its names; false when it read a file of no tree or every batch ends up in one group.
    /// </summary>
    private bool Link(int member, DeploymentModel model)
    {
        foreach (var document in model.Documents)
        {
            if (BatchOf(document.Path) is not { } holder)
            {
                return false;
            }

            Join(member, holder);
        }

        foreach (var name in model.Links.Defined)
        {
            definers.Add(name, member);
        }

        foreach (var name in model.Links.Referenced)
        {
            referrers.Add(name, member);
        }

        foreach (var name in model.Links.Defined.Concat(model.Links.Referenced))
        {
            if (definers.Holds(name) && referrers.Holds(name))
            {
                foreach (var other in definers.Of(name).Concat(referrers.Of(name)))
                {
                    Join(member, other);
                }

                // All in one group now: one member stands for them, so a name many batches share costs no more each time.
                definers.KeepFirst(name);
                referrers.KeepFirst(name);
            }
        }

        return groupSize[Find(member)] < batches.Count;
    }

    /// <summary>The batch whose tree or loose directory holds the file at <paramref name="displayPath"/> (root-relative).</summary>
    private int? BatchOf(string displayPath)
    {
        var end = displayPath.LastIndexOf('/');
        if (batchOfLooseDirectory.TryGetValue(end < 0 ? string.Empty : displayPath[..end], out var loose))
        {
            return loose;
        }

        for (; end > 0; end = displayPath.LastIndexOf('/', end - 1))
        {
            if (batchOfTop.TryGetValue(displayPath[..end], out var batch))
            {
                return batch;
            }
        }

        return null;
    }

    private int Find(int batch)
    {
        while (groupOf[batch] != batch)
        {
            groupOf[batch] = groupOf[groupOf[batch]];
            batch = groupOf[batch];
        }

        return batch;
    }

    private void Join(int a, int b)
    {
        var (first, second) = (Find(a), Find(b));
        if (first == second)
        {
            return;
        }

        if (second < first)
        {
            (first, second) = (second, first);
        }

        groupOf[second] = first;
        groupSize[first] += groupSize[second];
        standing[first] = -1;
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

    /// <summary>
    /// The batches that define (or refer to) each name. Most names have one, so a second and later ones are kept apart:
    /// a list per name took the peak of 10,000 projects from 92.1 to 93.0 MiB.
    /// </summary>
    private sealed class NameHolders
    {
        private readonly Dictionary<string, int> first = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<int>> others = new(StringComparer.Ordinal);

        public bool Holds(string name) => first.ContainsKey(name);

        public void Add(string name, int batch)
        {
            if (first.TryAdd(name, batch) || first[name] == batch)
            {
                return;
            }

            if (!others.TryGetValue(name, out var list))
            {
                others[name] = [batch];
            }
            else if (list[^1] != batch)
            {
                list.Add(batch);
            }
        }

        public IEnumerable<int> Of(string name) => others.TryGetValue(name, out var list) ? list.Prepend(first[name]) : [first[name]];

        public void KeepFirst(string name) => others.Remove(name);
    }

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
        private readonly List<string> tops = [];
        private readonly List<string> looseDirectories = [];

        public List<WalkedDirectory> Listing { get; } = [];

        public int Files { get; private set; }

        /// <summary>The display paths of the batch's trees, in walk order.</summary>
        public IReadOnlyList<string> Tops => tops;

        /// <summary>The display paths of the batch's loose directories (files only, no subdirectories).</summary>
        public IReadOnlyList<string> LooseDirectories => looseDirectories;

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
    }
}
