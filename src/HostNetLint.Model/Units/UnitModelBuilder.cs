using System.Collections.Immutable;
using HostNetLint.Model.Compose;
using HostNetLint.Model.EnvFiles;
using HostNetLint.Model.Loading;
using HostNetLint.Model.Workloads;
using HostNetLint.Parsing.Systemd;

namespace HostNetLint.Model.Units;

/// <summary>
/// Reads systemd units and Podman quadlets into <see cref="ServiceUnit"/>s: drop-ins merged, compose invocations
/// linked to compose projects in the root, <c>podman run</c> lines and quadlets turned into workloads.
/// </summary>
/// <remarks>
/// Files that only look like units (D-Bus activation files named <c>.service</c>, systemd-networkd
/// <c>.network</c> files) are skipped silently: they are neither units nor documents.
/// </remarks>
internal sealed class UnitModelBuilder
{
    // systemd reads drop-ins from a handful of directories; more than this many in one is not a deployment.
    private const int MaxDropIns = 256;

    // systemd reads a unit's drop-ins from NAME.d/*.conf.
    private const string DropInDirectorySuffix = ".d";
    private const string DropInExtension = ".conf";

    private static readonly string[] UnitExtensions = [".service", ".container", ".pod", ".kube", ".network", ".volume", ".image", ".build"];

    private static readonly string[] ExecKeys = ["ExecStartPre", "ExecStart", "ExecStartPost"];

    private readonly FileLoader loader;
    private readonly DirectoryWalker walker;
    private readonly InstallPathResolver resolver;
    private readonly List<ModelProblem> problems;
    private readonly Func<string, IReadOnlyList<string>, string, ComposeProject> projectFor;
    private readonly Func<string, IReadOnlyList<string>> discover;
    private readonly UnitEnvFiles envFiles;
    private readonly List<string> candidates = [];
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private readonly List<string> podNames = [];
    private readonly List<string> startedNames = [];

    /// <param name="discover">The compose files of a directory (its <c>.env</c>'s <c>COMPOSE_FILE</c>, else the default names).</param>
    public UnitModelBuilder(
        FileLoader loader,
        DirectoryWalker walker,
        ModelOptions options,
        List<ModelProblem> problems,
        Func<string, IReadOnlyList<string>, string, ComposeProject> projectFor,
        Func<string, IReadOnlyList<string>> discover,
        EnvFileReader envFileReader,
        MissingEnvFiles missingEnvFiles,
        InstallPathIndex installPaths)
    {
        this.loader = loader;
        this.walker = walker;
        this.problems = problems;
        this.projectFor = projectFor;
        this.discover = discover;
        resolver = new InstallPathResolver(loader, walker, options, installPaths);
        envFiles = new UnitEnvFiles(loader, resolver, options, envFileReader, missingEnvFiles, problems);
    }

    /// <summary>True for the extensions systemd units and quadlets use (case-sensitive, like systemd and Podman).</summary>
    public static bool IsUnitFileName(string fileName) => UnitExtensions.Contains(Path.GetExtension(fileName), StringComparer.Ordinal);

    /// <summary>
    /// True for a file this builder reads as a drop-in (<see cref="LoadDropIns"/>): a <c>*.conf</c> in a unit's
    /// <c>NAME.d</c> directory, not in any <c>conf.d</c>.
    /// </summary>
    public static bool IsDropInFile(string fullPath) =>
        fullPath.EndsWith(DropInExtension, StringComparison.Ordinal)
        && Path.GetFileName(Path.GetDirectoryName(fullPath)) is { } directory
        && directory.EndsWith(DropInDirectorySuffix, StringComparison.Ordinal)
        && IsUnitFileName(directory[..^DropInDirectorySuffix.Length]);

    /// <summary>The pod names the units create (quadlet file names, pod names), known after <see cref="Build"/>.</summary>
    public IReadOnlyList<string> PodNames => podNames;

    /// <summary>The names <c>podman start</c> and <c>podman pod start</c> lines start, known after <see cref="Build"/>.</summary>
    public IReadOnlyList<string> StartedNames => startedNames;

    /// <summary>Adds the unit files among <paramref name="files"/> (a directory's listing).</summary>
    public void AddUnitFiles(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            if (IsUnitFileName(Path.GetFileName(file)))
            {
                AddFile(file);
            }
        }
    }

    public void AddFile(string fullPath)
    {
        if (seen.Add(fullPath))
        {
            candidates.Add(fullPath);
        }
    }

    public (ImmutableArray<ServiceUnit> Units, ImmutableArray<Workload> Workloads) Build()
    {
        var loaded = new List<LoadedUnit>();
        foreach (var path in candidates)
        {
            if (Load(path) is { } unit)
            {
                loaded.Add(unit);
            }
        }

        // Pods first: a container may join a pod created by another unit or a later file. Pod names are the host's,
        // so any unit's pod may be joined, but a unit's own `podman pod create` wins over another unit's of the same name.
        var pods = new Dictionary<string, Workload>(StringComparer.Ordinal);
        var unitPods = new Dictionary<LoadedUnit, Dictionary<string, Workload>>(ReferenceEqualityComparer.Instance);
        var podOf = new Dictionary<object, Workload>(ReferenceEqualityComparer.Instance);
        foreach (var unit in loaded)
        {
            if (unit.IsAnalyzable && unit.Kind == ServiceUnitKind.Quadlet && QuadletWorkloadFactory.Pod(unit.FileName, unit.Definition) is { } quadletPod)
            {
                podOf[unit] = quadletPod.Pod;
                pods.TryAdd(unit.FileName, quadletPod.Pod);
                pods.TryAdd(quadletPod.PodmanName, quadletPod.Pod);
            }

            foreach (var command in unit.Commands.OfType<PodmanCommand>().Where(c => c.Kind == PodmanCommandKind.PodCreate))
            {
                var pod = PodmanWorkloadFactory.Create(command, unit.FileName, _ => null, envFiles.ForPodman(unit));
                podOf[command] = pod;
                if (PodmanWorkloadFactory.PodName(command) is { } name)
                {
                    pods.TryAdd(name, pod);
                    if (!unitPods.TryGetValue(unit, out var own))
                    {
                        unitPods[unit] = own = new Dictionary<string, Workload>(StringComparer.Ordinal);
                    }

                    own.TryAdd(name, pod);
                }
            }
        }

        podNames.AddRange(pods.Keys);
        var workloads = ImmutableArray.CreateBuilder<Workload>();
        var built = new List<(LoadedUnit Unit, List<Workload> Workloads, bool Resolved)>();
        foreach (var unit in loaded)
        {
            var ownPods = unitPods.GetValueOrDefault(unit);
            Workload? FindPod(string name) => ownPods?.GetValueOrDefault(name) ?? pods.GetValueOrDefault(name);

            var unitWorkloads = new List<Workload>();
            var resolved = true;
            var quadlet = unit.IsAnalyzable && unit.Kind == ServiceUnitKind.Quadlet
                ? podOf.GetValueOrDefault(unit) ?? QuadletWorkloadFactory.Container(unit.FileName, unit.Definition, FindPod, envFiles.ForQuadlet(unit))
                : null;
            if (quadlet is not null)
            {
                unitWorkloads.Add(quadlet);
                workloads.Add(quadlet);
            }

            if (unit.IsAnalyzable && unit.Kind == ServiceUnitKind.Quadlet && unit.Definition.GetSection("Kube") is { } kube)
            {
                var kubeWorkload = KubeQuadlet(unit, kube);
                resolved &= kubeWorkload is not null || kube.GetLast("Yaml") is not { IsEmptyAssignment: false };
                if (kubeWorkload is not null)
                {
                    unitWorkloads.Add(kubeWorkload);
                    workloads.Add(kubeWorkload);
                }
            }

            foreach (var command in unit.Commands)
            {
                if (command is PodmanCommand podman)
                {
                    var workload = podOf.GetValueOrDefault(podman) ?? PodmanWorkloadFactory.Create(podman, unit.FileName, FindPod, envFiles.ForPodman(unit));
                    unitWorkloads.Add(workload);
                    workloads.Add(workload);
                }
                else if (command is KubePlayCommand play)
                {
                    var resolution = play.File is null ? null : resolver.ResolveFile(InstallPathResolver.Absolute(play.File.Text, unit.WorkingDirectory?.Text));
                    if (play.File is null || resolution?.FullPath is null || !loader.FileExists(resolution.FullPath))
                    {
                        Report(play.File ?? play.Program, resolution?.Failure ?? $"'{play.File?.Text}' is not a file");
                        resolved = false;
                        continue;
                    }

                    var document = loader.Load(resolution.FullPath, parseYaml: true);
                    var workload = KubeWorkloadFactory.Create(Path.GetFileNameWithoutExtension(resolution.FullPath), WorkloadKind.PodmanPod, unit.FileName, play.Program.Location, play.File, document, play.Networks);
                    unitWorkloads.Add(workload);
                    workloads.Add(workload);
                }
                else if (command is ComposeCommand compose)
                {
                    var project = Link(compose, unit.WorkingDirectory, unit.FullPath);
                    resolved &= project is not null;
                    if (project is not null)
                    {
                        project.Starters = project.Starters.Add(Starter(compose, unit.FileName));
                    }

                    unitWorkloads.AddRange(project?.Services.Where(s => !unitWorkloads.Contains(s)) ?? []);
                }
            }

            built.Add((unit, unitWorkloads, resolved));
        }

        // `podman start NAME` starts what a `podman create --name NAME` (or a quadlet) of any unit made; a name the files
        // do not create was made by hand (units from `podman generate systemd` start those) and adds nothing.
        var containers = workloads.Where(w => w.ContainerName is not null).ToLookup(w => w.ContainerName!, StringComparer.Ordinal);
        var units = ImmutableArray.CreateBuilder<ServiceUnit>();
        foreach (var (unit, unitWorkloads, resolved) in built)
        {
            foreach (var start in unit.Commands.OfType<PodmanStartCommand>())
            {
                foreach (var name in start.Names)
                {
                    startedNames.Add(name.Text);
                    var started = start.StartsPods ? (unitPods.GetValueOrDefault(unit)?.GetValueOrDefault(name.Text) ?? pods.GetValueOrDefault(name.Text))
                        : containers[name.Text].FirstOrDefault(w => w.GroupName == unit.FileName) ?? containers[name.Text].FirstOrDefault();
                    if (started is not null && !unitWorkloads.Contains(started))
                    {
                        unitWorkloads.Add(started);
                    }
                }
            }

            units.Add(new ServiceUnit
            {
                Name = unit.FileName,
                Kind = unit.Kind,
                Document = unit.Document,
                Definition = unit.Definition,
                Workloads = [.. unitWorkloads],
                IsResolved = resolved,
                Environment = envFiles.ForService(unit),
            });
        }

        return (units.ToImmutable(), workloads.ToImmutable());
    }

    private static ComposeStarter Starter(ComposeCommand command, string unitName) => new()
    {
        Tool = command.Tool,
        UnitName = unitName,
        Program = command.Program.ToValue(),
        Subcommand = command.Subcommand?.ToValue(),
        Services = [.. ContainerCommandParser.ComposeServices(command).Select(w => w.ToValue())],
        Files = [.. command.Files.Select(w => w.ToValue())],
        ProjectName = command.Options.Last("--project-name")?.ToValue(),
        Profiles = [.. command.Options.All("--profile").Select(w => w.ToValue())],
        PodmanRunArgs = [.. command.Options.All("--podman-run-args").Select(w => w.ToValue())],
        PodmanArgs = [.. command.Options.All("--podman-args").Select(w => w.ToValue())],
        InPod = command.Options.Last("--in-pod")?.ToValue(),
        PodArgs = command.Options.Last("--pod-args")?.ToValue(),
        Options = [.. command.Options.Select(o => new ComposeOption(o.Flag, o.Value.ToValue()))],
    };

    /// <summary>A <c>.kube</c> quadlet's pods; <c>Yaml=</c> is relative to the quadlet file, or an install path.</summary>
    private Workload? KubeQuadlet(LoadedUnit unit, UnitSectionView kube)
    {
        if (kube.GetLast("Yaml") is not { IsEmptyAssignment: false } entry)
        {
            return null;
        }

        var yaml = SettingWords.Whole(entry);
        string? fullPath;
        string? failure = null;
        if (yaml.Text.StartsWith('/'))
        {
            var resolution = resolver.ResolveFile(yaml.Text);
            (fullPath, failure) = (resolution.FullPath, resolution.Failure);
        }
        else
        {
            try
            {
                fullPath = FileLoader.Normalize(Path.Combine(Path.GetDirectoryName(unit.FullPath) ?? loader.Root, yaml.Text));
            }
            catch (ArgumentException)
            {
                fullPath = null;
            }

            if (fullPath is not null && !loader.IsInsideRoot(fullPath))
            {
                problems.Add(new ModelProblem(ModelProblemKind.ReferenceOutsideRoot, yaml.Location, $"'{yaml.Text}' is outside the linted root; it is not read"));
                return null;
            }
        }

        if (fullPath is null || !loader.FileExists(fullPath))
        {
            Report(yaml, failure ?? $"'{yaml.Text}' does not exist");
            return null;
        }

        var header = new Parsing.Text.Location(kube.Sections[0].Source, kube.Sections[0].HeaderSpan);
        var networks = kube.GetEffective("Network").Select(SettingWords.Whole).ToList();
        return KubeWorkloadFactory.Create(Path.GetFileNameWithoutExtension(unit.FileName), WorkloadKind.QuadletPod, unit.FileName, header, yaml, loader.Load(fullPath, parseYaml: true), networks);
    }

    private static bool IsUnit(string fileName, UnitFileSyntax syntax) =>
        UnitFileSyntax.Classify(fileName, syntax) is UnitFileKind.SystemdUnit or UnitFileKind.Quadlet;

    private LoadedUnit? Load(string fullPath)
    {
        var fileName = Path.GetFileName(fullPath);
        var (document, syntax) = loader.LoadUnitFile(fullPath, s => IsUnit(fileName, s));
        if (document is null || syntax is null)
        {
            return null;
        }

        var definition = UnitFileSyntax.MergeDropIns(syntax, LoadDropIns(fullPath));
        var kind = UnitFileSyntax.Classify(fileName, syntax) == UnitFileKind.Quadlet ? ServiceUnitKind.Quadlet : ServiceUnitKind.Service;
        if (!document.IsAnalyzable)
        {
            // systemd (or quadlet) refuses the file: it is a unit for completeness, but it starts nothing.
            return new LoadedUnit(fullPath, fileName, document, definition, kind, [], null) { IsAnalyzable = false };
        }

        var service = definition.GetSection("Service");
        var commands = new List<ContainerCommand>();
        foreach (var key in ExecKeys)
        {
            foreach (var entry in service?.GetEffective(key) ?? [])
            {
                foreach (var words in ShellCommandSplitter.Split(ExecCommandLine.Parse(entry)))
                {
                    if (ContainerCommandParser.Parse(words) is { } command)
                    {
                        commands.Add(command);
                    }
                }
            }
        }

        var workingDirectory = service?.GetLast("WorkingDirectory") is { IsEmptyAssignment: false } entryDirectory
            ? SettingWords.Whole(entryDirectory)
            : null;
        if (workingDirectory is not null && workingDirectory.Text.StartsWith('-'))
        {
            // "-" means a missing directory is not an error; it is not part of the path.
            workingDirectory = workingDirectory.Slice(1);
        }

        return new LoadedUnit(fullPath, fileName, document, definition, kind, commands, workingDirectory);
    }

    private List<UnitFileSyntax> LoadDropIns(string fullPath)
    {
        var dropIns = new List<UnitFileSyntax>();
        var directory = fullPath + DropInDirectorySuffix;
        string[] files;
        try
        {
            files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*" + DropInExtension) : [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            loader.ReportUnlistableDirectory(directory, ex);
            return dropIns;
        }

        Array.Sort(files, StringComparer.Ordinal);
        foreach (var file in files.Take(MaxDropIns))
        {
            // A drop-in that cannot be read completely is reported on its own document and not applied.
            if (!walker.IsExcluded(file) && loader.LoadUnitFile(file, _ => true) is { Document.IsAnalyzable: true, Syntax: { } syntax })
            {
                dropIns.Add(syntax);
            }
        }

        return dropIns;
    }

    /// <summary>The compose project a compose command runs, or null (with a problem recorded) when its files are not in the root.</summary>
    private ComposeProject? Link(ComposeCommand command, UnitWord? workingDirectory, string unitPath)
    {
        var cwd = workingDirectory?.Text;
        if (command.Files.Count > 0)
        {
            var files = new List<string>();
            foreach (var file in command.Files)
            {
                var resolution = resolver.ResolveFile(InstallPathResolver.Absolute(file.Text, cwd));
                if (resolution.FullPath is null || !loader.FileExists(resolution.FullPath))
                {
                    Report(file, resolution.Failure ?? $"'{file.Text}' is a directory, not a compose file");
                    return null;
                }

                files.Add(resolution.FullPath);
            }

            var directory = Path.GetDirectoryName(files[0]) ?? loader.Root;
            if (command.ProjectDirectory is { } projectDirectory
                && resolver.ResolveComposeDirectory(InstallPathResolver.Absolute(projectDirectory.Text, cwd)).FullPath is { } resolvedDirectory)
            {
                directory = resolvedDirectory;
            }

            return projectFor(directory, files, unitPath);
        }

        var where = command.ProjectDirectory ?? workingDirectory;
        if (where is null)
        {
            Report(command.Program, $"'{command.Program.Text}' runs without -f, --project-directory or WorkingDirectory=, so its compose file cannot be found");
            return null;
        }

        var found = resolver.ResolveComposeDirectory(InstallPathResolver.Absolute(where.Text, cwd));
        List<string> discovered = found.FullPath is null ? [] : discover(found.FullPath).Where(f => !walker.IsExcluded(f)).ToList();
        if (found.FullPath is null || discovered.Count == 0)
        {
            Report(where, found.Failure ?? $"'{where.Text}' has no compose file in the linted root");
            return null;
        }

        return projectFor(found.FullPath, discovered, unitPath);
    }

    private void Report(UnitWord word, string message) =>
        problems.Add(new ModelProblem(ModelProblemKind.ReferenceMissing, word.Location, message));
}
