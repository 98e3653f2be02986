using System.Collections.Immutable;
using HostNetLint.Model;
using HostNetLint.Model.Loading;
using HostNetLint.Model.Units;
using HostNetLint.Model.Workloads;
using HostNetLint.Parsing.Text;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Rules.Analysis;

/// <summary>
/// Which workloads run on one host at the same time, so their ports can clash. A repository often keeps
/// several hosts or environments side by side (<c>deploy/dev/</c>, <c>deploy/prod/</c>), so by default each
/// compose project is a deployment of its own, and a unit or quadlet joins the project it belongs to:
/// <list type="number">
/// <item>the project it starts (<c>podman-compose -f …</c>); one unit starting several projects joins them;</item>
/// <item>else the project in its directory or the nearest directory above it;</item>
/// <item>else the one project that units in its own directory start;</item>
/// <item>else the one project in a directory below its own;</item>
/// <item>else it shares a deployment with the other such units of its directory.</item>
/// </list>
/// Where a step finds several candidates it stops there, and the unit keeps its directory's deployment.
/// <c>hosts:</c> (<see cref="LintOptions.Hosts"/>) places files on named hosts instead: a workload is on the hosts
/// whose globs match its file (or a directory above it), else on those of its default deployment (a project started
/// by a unit also runs on that unit's hosts), else it keeps its default deployment. Workloads with the same name
/// from different files are alternatives (versions, environments, copies) and never co-tenants; so are the workloads
/// of a base's run and of a variant's run over it (<c>-f base -f variant</c>), and of two variants of one base: one
/// of these runs is up at a time. A variant's run is never a step 2 or 4 candidate: its base's run stands for it.
/// Two compose services that both have <c>profiles:</c> and share none are alternatives too: <c>--profile</c> picks one.
/// </summary>
public sealed class CoTenancy
{
    private readonly Dictionary<Workload, ImmutableArray<int>> groups;
    private readonly Dictionary<Workload, WorkloadRun> runs;
    private readonly Dictionary<Workload, HashSet<SourceText>> variantFiles;

    private CoTenancy(Dictionary<Workload, ImmutableArray<int>> groups, Dictionary<Workload, WorkloadRun> runs, Dictionary<Workload, HashSet<SourceText>> variantFiles)
    {
        this.groups = groups;
        this.runs = runs;
        this.variantFiles = variantFiles;
    }

    /// <summary>
    /// The groups (deployments or hosts) <paramref name="workload"/> runs in. Two workloads are co-tenants when
    /// they share a group and are not <see cref="AreAlternatives">alternatives</see>.
    /// </summary>
    public ImmutableArray<int> GroupsOf(Workload workload) =>
        groups.TryGetValue(workload, out var found) ? found : [];

    /// <summary>
    /// The run <paramref name="workload"/> belongs to and the stack of alternative runs that run is one of (a base's
    /// run and its variants' share a stack); a workload outside compose is a run and a stack of its own.
    /// </summary>
    public WorkloadRun RunOf(Workload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return runs.TryGetValue(workload, out var run) ? run : new WorkloadRun(-1, -1);
    }

    /// <summary>
    /// True when <paramref name="value"/> of a variant's run is written in a file its base's run does not read (the
    /// variant, or a file only it includes): a finding that it takes part in is the variant's, best reported there.
    /// </summary>
    public bool IsVariantOwn(Workload workload, Location value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return variantFiles.TryGetValue(workload, out var files) && files.Contains(value.Source);
    }

    /// <summary>
    /// Two workloads of one name are versions or copies of each other (or the same workload), not neighbours; two
    /// workloads of different runs of one stack (a base's run and a variant's) never run together; nor do two services
    /// whose profiles never meet (<see cref="ProfilesNeverMeet"/>).
    /// </summary>
    public bool AreAlternatives(Workload first, Workload second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (string.Equals(first.Name, second.Name, StringComparison.Ordinal) || ProfilesNeverMeet(first, second))
        {
            return true;
        }

        var (a, b) = (RunOf(first), RunOf(second));
        return a.Stack == b.Stack && a.Run != b.Run;
    }

    /// <summary>
    /// True when both workloads have <c>profiles:</c> and share none: each starts only with one of its own profiles, so
    /// no <c>--profile</c> choice starts both. A service without profiles starts with every choice.
    /// </summary>
    public static bool ProfilesNeverMeet(Workload first, Workload second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return !first.Profiles.IsEmpty && !second.Profiles.IsEmpty
            && !first.Profiles.Any(p => second.Profiles.Any(q => string.Equals(p.Text, q.Text, StringComparison.Ordinal)));
    }

    public static CoTenancy Build(DeploymentModel model, LintOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        return new Builder(model, options).Build();
    }

    /// <summary>
    /// The one place host globs are matched, so the glob engine can be swapped here alone. A glob naming a
    /// directory covers what lies below it: the path and each directory above it are tried.
    /// </summary>
    private static Func<string, bool> PathGlobs(IEnumerable<string> globs)
    {
        var matcher = new GlobMatcher(globs);
        return path => SelfAndAncestors(path).Any(matcher.IsMatch);
    }

    /// <summary><c>a/b/c</c>, <c>a/b</c>, <c>a</c> (the root, "", is not included).</summary>
    private static IEnumerable<string> SelfAndAncestors(string path)
    {
        for (var current = path; current.Length > 0; current = Parent(current))
        {
            yield return current;
        }
    }

    /// <summary>The parent of a root-relative directory; the root is "".</summary>
    private static string Parent(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path[..slash];
    }

    private sealed class Builder(DeploymentModel model, LintOptions options)
    {
        private readonly Dictionary<Workload, int> projectOfService = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<string, int> directoryDeployments = new(StringComparer.Ordinal);
        private int[] parent = [];

        public CoTenancy Build()
        {
            var projects = model.ComposeProjects;
            parent = [.. Enumerable.Range(0, projects.Length)];
            var indexOf = new Dictionary<Model.Compose.ComposeProject, int>(ReferenceEqualityComparer.Instance);
            for (var p = 0; p < projects.Length; p++)
            {
                indexOf.TryAdd(projects[p], p);
                foreach (var service in projects[p].Services)
                {
                    projectOfService.TryAdd(service, p);
                }
            }

            // Runs are projects; a variant's run is in its base's stack. Other workloads are runs of their own, numbered after.
            var runs = new Dictionary<Workload, WorkloadRun>(ReferenceEqualityComparer.Instance);
            var variantFiles = new Dictionary<Workload, HashSet<SourceText>>(ReferenceEqualityComparer.Instance);
            var ownFiles = new Dictionary<int, HashSet<SourceText>>();
            foreach (var (service, p) in projectOfService)
            {
                var stack = p;
                if (projects[p].VariantOf is { } variantOf && indexOf.TryGetValue(variantOf, out var b))
                {
                    stack = b;
                    if (!ownFiles.TryGetValue(p, out var own))
                    {
                        var baseFiles = variantOf.Files.Select(f => f.Document.Text).ToHashSet();
                        ownFiles[p] = own = projects[p].Files.Select(f => f.Document.Text).Where(t => !baseFiles.Contains(t)).ToHashSet();
                    }

                    variantFiles[service] = own;
                }

                runs[service] = new WorkloadRun(stack, p);
            }

            foreach (var workload in model.Workloads.Where(w => !runs.ContainsKey(w)))
            {
                var own = projects.Length + runs.Count;
                runs[workload] = new WorkloadRun(own, own);
            }

            var isVariant = projects.Select(p => p.VariantOf is not null).ToList();

            // Step 1 first, for every unit: later steps ask which projects the units of a directory start.
            var started = new Dictionary<ServiceUnit, int>(ReferenceEqualityComparer.Instance);
            foreach (var unit in model.Units)
            {
                var own = unit.Workloads.Where(projectOfService.ContainsKey).Select(w => projectOfService[w]).Distinct().ToList();
                if (own.Count > 0)
                {
                    own.ForEach(p => Union(own[0], p));
                    started[unit] = own[0];
                }
            }

            var projectDirectories = projects.Select(p => Relative(p.Directory)).ToList();
            var inDirectory = Candidates(Enumerable.Range(0, projects.Length).Where(p => !isVariant[p]).Select(p => (projectDirectories[p], p)));
            var startedFromDirectory = Candidates(started.Select(s => (DirectoryOf(s.Key.Document.Path), s.Value)));
            var belowDirectory = Candidates(Enumerable.Range(0, projects.Length)
                .Where(p => !isVariant[p])
                .SelectMany(p => SelfAndAncestors(projectDirectories[p]).Append(string.Empty).Select(d => (d, p))));

            var deploymentOfUnit = new Dictionary<ServiceUnit, int>(ReferenceEqualityComparer.Instance);
            foreach (var unit in model.Units)
            {
                deploymentOfUnit[unit] = started.TryGetValue(unit, out var project)
                    ? Find(project)
                    : Place(DirectoryOf(unit.Document.Path), inDirectory, startedFromDirectory, belowDirectory);
            }

            var hosts = new HostPlacement(options, model, projects, projectDirectories, started, this);
            var groups = new Dictionary<Workload, ImmutableArray<int>>(ReferenceEqualityComparer.Instance);
            foreach (var (service, p) in projectOfService)
            {
                groups[service] = hosts.GroupsOfProject(p);
            }

            foreach (var unit in model.Units)
            {
                foreach (var workload in unit.Workloads.Where(w => !projectOfService.ContainsKey(w)))
                {
                    groups.TryAdd(workload, hosts.GroupsOfUnit(unit, deploymentOfUnit[unit]));
                }
            }

            return new CoTenancy(groups, runs, variantFiles);
        }

        /// <summary>Steps 2 to 5 for a unit in <paramref name="directory"/> that starts no project.</summary>
        private int Place(string directory, Dictionary<string, Candidate> inDirectory, Dictionary<string, Candidate> startedFromDirectory, Dictionary<string, Candidate> belowDirectory)
        {
            foreach (var above in SelfAndAncestors(directory).Append(string.Empty))
            {
                if (inDirectory.TryGetValue(above, out var enclosing))
                {
                    return enclosing.Deployment(this) ?? OwnDeployment(directory);
                }
            }

            var candidate = startedFromDirectory.GetValueOrDefault(directory) ?? belowDirectory.GetValueOrDefault(directory);
            return candidate?.Deployment(this) ?? OwnDeployment(directory);
        }

        /// <summary>Units that belong to no project share one deployment per directory, after every project's.</summary>
        private int OwnDeployment(string directory)
        {
            if (!directoryDeployments.TryGetValue(directory, out var id))
            {
                id = parent.Length + directoryDeployments.Count;
                directoryDeployments[directory] = id;
            }

            return id;
        }

        private static Dictionary<string, Candidate> Candidates(IEnumerable<(string Directory, int Project)> entries)
        {
            var candidates = new Dictionary<string, Candidate>(StringComparer.Ordinal);
            foreach (var (directory, project) in entries)
            {
                if (!candidates.TryGetValue(directory, out var candidate))
                {
                    candidates[directory] = candidate = new Candidate();
                }

                candidate.Projects.Add(project);
            }

            return candidates;
        }

        public int Find(int project)
        {
            while (parent[project] != project)
            {
                project = parent[project] = parent[parent[project]];
            }

            return project;
        }

        private void Union(int first, int second)
        {
            var (a, b) = (Find(first), Find(second));
            if (a != b)
            {
                parent[Math.Max(a, b)] = Math.Min(a, b);
            }
        }

        public string Relative(string fullPath)
        {
            var relative = Path.GetRelativePath(model.Root, fullPath).Replace('\\', '/');
            return relative == "." ? string.Empty : relative;
        }

        private static string DirectoryOf(string rootRelativeFile) => Parent(rootRelativeFile);
    }

    /// <summary>The projects one step found; it decides only when they are one deployment (asked after every union).</summary>
    private sealed class Candidate
    {
        private (bool Known, int? Value) deployment;

        public List<int> Projects { get; } = [];

        public int? Deployment(Builder builder)
        {
            if (!deployment.Known)
            {
                var distinct = Projects.Select(builder.Find).Distinct().Take(2).ToList();
                deployment = (true, distinct.Count == 1 ? distinct[0] : null);
            }

            return deployment.Value;
        }
    }

    /// <summary>Turns deployments into groups: the hosts of <c>hosts:</c> where files match, else the deployment itself.</summary>
    private sealed class HostPlacement
    {
        private readonly List<Func<string, bool>> hosts;
        private readonly int firstHostId;
        private readonly Dictionary<int, ImmutableArray<int>> deploymentHosts = [];
        private readonly Builder builder;

        public HostPlacement(LintOptions options, DeploymentModel model, ImmutableArray<Model.Compose.ComposeProject> projects, List<string> projectDirectories, IReadOnlyDictionary<ServiceUnit, int> started, Builder builder)
        {
            this.builder = builder;
            hosts = options.Hosts.OrderBy(h => h.Key, StringComparer.Ordinal).ToList().ConvertAll(h => PathGlobs(h.Value));

            // Host ids follow every deployment id a model can have (projects, then one per unit directory).
            firstHostId = projects.Length + model.Units.Length;
            if (hosts.Count == 0)
            {
                return;
            }

            var sets = new Dictionary<int, SortedSet<int>>();
            void Add(int deployment, IEnumerable<int> matched)
            {
                if (!sets.TryGetValue(deployment, out var set))
                {
                    sets[deployment] = set = [];
                }

                set.UnionWith(matched);
            }

            for (var p = 0; p < projects.Length; p++)
            {
                Add(builder.Find(p), Matches([projectDirectories[p], .. projects[p].Files.Select(f => f.Document.Path)]));
            }

            // A project started by a unit runs where the unit is installed.
            foreach (var (unit, project) in started)
            {
                Add(builder.Find(project), Matches([unit.Document.Path]));
            }

            foreach (var (deployment, set) in sets)
            {
                deploymentHosts[deployment] = [.. set.Select(h => firstHostId + h)];
            }
        }

        public ImmutableArray<int> GroupsOfProject(int project)
        {
            var deployment = builder.Find(project);
            return deploymentHosts.TryGetValue(deployment, out var placed) && !placed.IsEmpty ? placed : [deployment];
        }

        public ImmutableArray<int> GroupsOfUnit(ServiceUnit unit, int deployment)
        {
            var own = Matches([unit.Document.Path]).Select(h => firstHostId + h).ToImmutableArray();
            if (!own.IsEmpty)
            {
                return own;
            }

            return deploymentHosts.TryGetValue(deployment, out var placed) && !placed.IsEmpty ? placed : [deployment];
        }

        private IEnumerable<int> Matches(IReadOnlyList<string> paths) =>
            Enumerable.Range(0, hosts.Count).Where(h => paths.Any(hosts[h]));
    }
}

/// <summary>
/// The compose run a workload belongs to (<see cref="Run"/>), and the stack of alternative runs it is one of
/// (<see cref="Stack"/>: a base's run and its variants' runs share one). Numbers mean nothing beyond equality.
/// </summary>
public readonly record struct WorkloadRun(int Stack, int Run);
