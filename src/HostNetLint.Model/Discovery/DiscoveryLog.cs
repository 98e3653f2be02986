using System.Collections.Immutable;
using HostNetLint.Model.Compose;
using HostNetLint.Model.Loading;
using HostNetLint.Model.Units;
using HostNetLint.Model.Workloads;

namespace HostNetLint.Model.Discovery;

/// <summary>
/// Collects, while the model is built, why each file is read and as which project, and which files were seen and
/// left out; <see cref="Build"/> turns that into the model's <see cref="FileDiscovery"/> records. Files read through
/// another (include, extends, env files) are recorded as references and get the projects of the file that reads them.
/// </summary>
internal sealed class DiscoveryLog
{
    private readonly FileLoader loader;
    private readonly List<(string FullPath, ComposeProject? Project, DiscoveryReason Reason, string Detail)> entries = [];
    private readonly List<(string Target, DiscoveryReason Reason, string ReferencingFile)> references = [];
    private readonly HashSet<string> composeReferenced = new(StringComparer.Ordinal);

    public DiscoveryLog(FileLoader loader) => this.loader = loader;

    /// <summary>
    /// The root-relative path (forward slashes) of a file under the root as written, a symbolic link named by its own
    /// path; as <see cref="SourceDocument.Path"/> for every file that was read.
    /// </summary>
    private string Display(string fullPath)
    {
        var relative = Path.GetRelativePath(loader.Root, fullPath);
        var outside = relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative);
        return (outside ? fullPath : relative).Replace('\\', '/');
    }

    /// <summary>A file of a compose run, and why it is in it.</summary>
    public void Run(string fullPath, ComposeProject project, DiscoveryReason reason, string detail) =>
        entries.Add((fullPath, project, reason, detail));

    /// <summary>A file seen and left out, and why.</summary>
    public void Skipped(string fullPath, string detail) => entries.Add((fullPath, null, DiscoveryReason.NotLinted, detail));

    /// <summary>A file read because <paramref name="referencingFile"/> names it (include, extends, env_file).</summary>
    public void Referenced(string target, DiscoveryReason reason, string referencingFile)
    {
        references.Add((target, reason, referencingFile));
        if (reason is DiscoveryReason.Include or DiscoveryReason.Extends)
        {
            composeReferenced.Add(target);
        }
    }

    /// <summary>True when some compose file includes or extends the file: it is part of that file's run, not a stack of its own.</summary>
    public bool IsIncludedOrExtended(string fullPath) => composeReferenced.Contains(fullPath);

    public ImmutableArray<FileDiscovery> Build(ImmutableArray<SourceDocument> documents, IReadOnlyList<ComposeProject> projects, ImmutableArray<ServiceUnit> units, ImmutableArray<Workload> workloads)
    {
        var records = new List<FileDiscovery>();
        var projectsOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void AddProject(string path, string name)
        {
            if (!projectsOf.TryGetValue(path, out var names))
            {
                projectsOf[path] = names = [];
            }

            if (!names.Contains(name, StringComparer.Ordinal))
            {
                names.Add(name);
            }
        }

        foreach (var (fullPath, project, reason, detail) in entries)
        {
            var path = Display(fullPath);
            records.Add(new FileDiscovery(path, project?.Name, reason, detail));
            if (project is not null)
            {
                AddProject(path, project.Name);
            }
        }

        foreach (var project in projects)
        {
            foreach (var file in project.Files)
            {
                AddProject(file.Document.Path, project.Name);
            }
        }

        var readers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (target, _, referencing) in references.Distinct())
        {
            var targetPath = Display(target);
            if (!readers.TryGetValue(targetPath, out var list))
            {
                readers[targetPath] = list = [];
            }

            list.Add(Display(referencing));
        }

        var ownersOf = new Dictionary<string, List<string?>>(StringComparer.Ordinal);
        foreach (var (target, reason, referencing) in references.Distinct())
        {
            var referencingPath = Display(referencing);
            if (!ownersOf.TryGetValue(referencingPath, out var owners))
            {
                ownersOf[referencingPath] = owners = OwnersOf(referencingPath, projectsOf, readers);
            }

            var detail = reason switch
            {
                DiscoveryReason.Include => $"included by {referencingPath}",
                DiscoveryReason.Extends => $"extended by {referencingPath} (extends: file:)",
                _ => $"env file of {referencingPath}",
            };
            foreach (var owner in owners.DefaultIfEmpty())
            {
                records.Add(new FileDiscovery(Display(target), owner, reason, detail));
            }
        }

        AddUnitRecords(records, units, workloads);

        // Whatever else was read: a project directory's .env, or a file a unit reads in another way.
        var recorded = records.Select(r => r.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var document in documents.Where(d => !recorded.Contains(d.Path)))
        {
            if (Path.GetFileName(document.Path) == ".env")
            {
                records.Add(new FileDiscovery(document.Path, null, DiscoveryReason.ProjectEnvFile, "a directory's .env, read for its COMPOSE_FILE"));
            }
            else if (document.Path.EndsWith(".conf", StringComparison.Ordinal))
            {
                records.Add(new FileDiscovery(document.Path, null, DiscoveryReason.Unit, "drop-in (not applied: it could not be read completely)"));
            }
            else
            {
                records.Add(new FileDiscovery(document.Path, null, DiscoveryReason.ReferencedByUnit, "read for a unit or quadlet (a kube YAML)"));
            }
        }

        // A file left out where it was seen but read through another file later (an extends target) was linted.
        var linted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (record.IsLinted)
            {
                linted.Add(record.Path);
            }
        }

        records.RemoveAll(r => !r.IsLinted && linted.Contains(r.Path));
        return [.. records.Distinct().Order(ListOrder)];
    }

    /// <summary>
    /// By path, project and reason. One comparer instead of an OrderBy/ThenBy chain: each ThenBy costs Native AOT a
    /// generic virtual method lookup at its first call.
    /// </summary>
    private static readonly Comparer<FileDiscovery> ListOrder = Comparer<FileDiscovery>.Create((a, b) =>
    {
        var order = string.CompareOrdinal(a.Path, b.Path);
        if (order == 0)
        {
            order = string.CompareOrdinal(a.Project, b.Project);
        }

        return order != 0 ? order : Comparer<DiscoveryReason>.Default.Compare(a.Reason, b.Reason);
    });

    /// <summary>Units, their drop-ins and the env files their workloads read.</summary>
    private static void AddUnitRecords(List<FileDiscovery> records, ImmutableArray<ServiceUnit> units, ImmutableArray<Workload> workloads)
    {
        foreach (var unit in units)
        {
            var kind = unit.Kind == ServiceUnitKind.Quadlet ? "Podman quadlet" : "systemd unit";
            records.Add(new FileDiscovery(unit.Document.Path, null, DiscoveryReason.Unit, kind));
            foreach (var dropIn in unit.Definition.DropIns)
            {
                records.Add(new FileDiscovery(dropIn.Text.Path, null, DiscoveryReason.Unit, $"drop-in of {unit.Document.Path}"));
            }

            foreach (var variable in unit.Environment.Where(v => v.Value?.Origin == ValueOrigin.EnvFile))
            {
                records.Add(new FileDiscovery(variable.Value!.Location.Path, null, DiscoveryReason.EnvFile, $"env file of {unit.Document.Path}"));
            }
        }

        foreach (var workload in workloads.Where(w => w.Kind != WorkloadKind.ComposeService))
        {
            foreach (var variable in workload.Environment.Where(v => v.Value?.Origin == ValueOrigin.EnvFile))
            {
                records.Add(new FileDiscovery(variable.Value!.Location.Path, null, DiscoveryReason.EnvFile, $"env file of {variable.Value.Site.Path}"));
            }
        }
    }

    /// <summary>The projects a file is read for, following references back (an extended file of an included file ...).</summary>
    private static List<string?> OwnersOf(string path, Dictionary<string, List<string>> projectsOf, Dictionary<string, List<string>> readers)
    {
        var owners = new List<string?>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>([path]);
        while (pending.Count > 0)
        {
            var current = pending.Dequeue();
            if (!visited.Add(current))
            {
                continue;
            }

            if (projectsOf.TryGetValue(current, out var names))
            {
                owners.AddRange(names.Where(n => !owners.Contains(n)));
                continue;
            }

            foreach (var reader in readers.GetValueOrDefault(current) ?? [])
            {
                pending.Enqueue(reader);
            }
        }

        return owners;
    }
}
