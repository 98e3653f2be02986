using HostNetLint.Model.Compose;
using HostNetLint.Model.Loading;

namespace HostNetLint.Model.Discovery;

/// <summary>
/// Decides which compose runs a repository has and loads each once: a directory's default stack (<c>COMPOSE_FILE</c>
/// or compose's names), each variant beside its base as <c>-f base -f variant</c>, compose-like names and other YAML
/// whose services have an image or build on their own, the stacks <c>projects:</c> declares, and the runs units start.
/// </summary>
/// <remarks>
/// <para>
/// A file in a directory with a base file (the default stack's first) is a variant when its name is compose-like, or
/// when it has services that cannot run without the base (no <c>image:</c>, <c>build:</c> or <c>extends:</c>); a
/// variant whose incomplete services the base does not define either is not linted (compose would refuse it). Other
/// compose files run on their own, after every directory's runs are known, unless a compose file includes or extends
/// them. A declared stack replaces every guess that would read one of its files.
/// </para>
/// <para>
/// Each YAML file is read at most once: a file without a compose name is opened only under
/// <see cref="ComposeSniffer.MaxSniffedLength"/>, parsed only when it contains <c>services</c>, and the parsed
/// document is reused when it turns out to be compose; a file that is not leaves no document behind.
/// </para>
/// </remarks>
internal sealed class ComposeStacks
{
    private readonly FileLoader loader;
    private readonly DirectoryWalker walker;
    private readonly ComposeProjectLoader projectLoader;
    private readonly DiscoveryLog log;
    private readonly Dictionary<string, List<Declared>> declaredByFile = new(StringComparer.Ordinal);
    private readonly List<ComposeProject> projects = [];
    private readonly Dictionary<string, ComposeProject> byFiles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ComposeProject> firstRunOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string? Base, ComposeProject? Run)> defaultRuns = new(StringComparer.Ordinal);
    private readonly List<(string Directory, string File, DiscoveryReason Reason, string Detail)> standalone = [];

    public ComposeStacks(FileLoader loader, DirectoryWalker walker, ComposeProjectLoader projectLoader, DiscoveryLog log, ModelOptions options)
    {
        this.loader = loader;
        this.walker = walker;
        this.projectLoader = projectLoader;
        this.log = log;
        foreach (var project in options.Projects)
        {
            var declared = new Declared(project, [.. project.Files.Select(FullPath)], [.. project.EnvFiles.Select(FullPath)]);
            foreach (var file in declared.Files)
            {
                if (!declaredByFile.TryGetValue(file, out var list))
                {
                    declaredByFile[file] = list = [];
                }

                list.Add(declared);
            }
        }
    }

    /// <summary>Every run loaded so far, in loading order (a base's run before its variants').</summary>
    public IReadOnlyList<ComposeProject> Projects => projects;

    /// <summary>The runs of one walked directory, given its (not excluded) files.</summary>
    public void AddDirectory(string directory, IReadOnlyList<string> files)
    {
        foreach (var file in files)
        {
            LoadDeclared(file);
        }

        var (baseFile, baseRun) = DefaultRun(directory);
        foreach (var file in files)
        {
            if (ComposeFileNames.IsYaml(Path.GetFileName(file)))
            {
                Consider(file, baseFile, baseRun, named: false);
            }
        }
    }

    /// <summary>A file named on the command line: its declared stacks, its directory's default stack, or its own run.</summary>
    public void AddNamedFile(string fullPath)
    {
        if (LoadDeclared(fullPath))
        {
            return;
        }

        var directory = Path.GetDirectoryName(fullPath) ?? loader.Root;
        if (ComposeFileNames.IsKnownName(Path.GetFileName(fullPath)))
        {
            if (loader.FileExists(fullPath))
            {
                DefaultRun(directory);
            }
            else
            {
                // An editor's new buffer (only in the overlay): the directory's stack lists what is on disk, so it runs on its own.
                log.Run(fullPath, Load(directory, [fullPath], RunSettings.Default), DiscoveryReason.Named, "an unsaved buffer, run on its own");
            }

            return;
        }

        // Naming a variant runs it over its base; the base's own run is made only when the base is named or walked.
        var baseFile = DefaultStack(directory).Files.FirstOrDefault();
        Consider(fullPath, baseFile, baseFile is null ? null : firstRunOf.GetValueOrDefault(baseFile), named: true);
    }

    /// <summary>
    /// The run a unit starts (<c>-f</c> files, or its working directory's stack); a run already loaded from the same
    /// files is reused, so its workloads are the same instances and rules do not report them twice.
    /// </summary>
    public ComposeProject ForUnit(string directory, IReadOnlyList<string> files, string unitPath)
    {
        var project = byFiles.GetValueOrDefault(Key(files)) ?? Load(directory, files, RunSettings.Default);
        foreach (var file in files)
        {
            log.Run(file, project, DiscoveryReason.StartedByUnit, $"started by {loader.DisplayPath(unitPath)}");
        }

        return project;
    }

    /// <summary>Loads the runs of files that stand on their own, once every directory's stacks (and their includes) are known.</summary>
    public void Complete()
    {
        foreach (var (directory, file, reason, detail) in standalone)
        {
            if (!firstRunOf.ContainsKey(file) && !log.IsIncludedOrExtended(file))
            {
                log.Run(file, Load(directory, [file], RunSettings.Default), reason, detail);
            }
        }

        standalone.Clear();
    }

    private static string Key(IReadOnlyList<string> files) => string.Join('\n', files);

    private string FullPath(string rootRelative) => FileLoader.Normalize(Path.Combine(loader.Root, rootRelative));

    private ComposeProject Load(string directory, IReadOnlyList<string> files, RunSettings settings)
    {
        var project = projectLoader.Load(directory, files, settings);
        var dotEnv = Path.Combine(directory, ".env");
        if (settings.EnvFiles.Count == 0 && loader.FileExists(dotEnv) && loader.IsInsideRoot(dotEnv))
        {
            log.Run(dotEnv, project, DiscoveryReason.ProjectEnvFile, "the project directory's .env (variables, COMPOSE_* settings)");
        }

        projects.Add(project);
        byFiles.TryAdd(Key(files), project);
        foreach (var file in files)
        {
            firstRunOf.TryAdd(file, project);
        }

        return project;
    }

    /// <summary>
    /// The files of the directory's default stack (<c>COMPOSE_FILE</c>, else compose's names), without the excluded
    /// ones; empty when it has none. An excluded base leaves the directory without a stack; an excluded override is just
    /// not applied.
    /// </summary>
    private (List<string> Files, bool FromComposeFile) DefaultStack(string directory)
    {
        var (discovered, fromComposeFile) = projectLoader.DiscoverStack(directory);
        var files = discovered.ToList();
        if (files.Count == 0 || walker.IsExcluded(files[0]))
        {
            return ([], false);
        }

        files.RemoveAll(walker.IsExcluded);
        return (files, fromComposeFile);
    }

    /// <summary>The directory's default stack, loaded once: its base file and its run (null when it has none or it is not guessed).</summary>
    private (string? Base, ComposeProject? Run) DefaultRun(string directory)
    {
        if (defaultRuns.TryGetValue(directory, out var known))
        {
            return known;
        }

        var (files, fromComposeFile) = DefaultStack(directory);
        if (files.Count == 0)
        {
            return defaultRuns[directory] = (null, null);
        }

        ComposeProject? run = null;
        if (files.Find(declaredByFile.ContainsKey) is { } declared)
        {
            foreach (var file in files.Where(f => !declaredByFile.ContainsKey(f)))
            {
                log.Skipped(file, $"its stack's {loader.DisplayPath(declared)} is in projects:, which replaces the guessed runs");
            }
        }
        else if (!files.Exists(firstRunOf.ContainsKey))
        {
            // A file another run already reads (another directory's COMPOSE_FILE) does not start a run of its own here.
            run = Load(directory, files, RunSettings.Default);
            for (var i = 0; i < files.Count; i++)
            {
                var (reason, detail) = fromComposeFile
                    ? (DiscoveryReason.ComposeFileVariable, $"COMPOSE_FILE in {loader.DisplayPath(Path.Combine(directory, ".env"))}")
                    : (DiscoveryReason.DefaultName, i == 0 ? "default compose file name" : "default override file name");
                log.Run(files[i], run, reason, detail);
            }
        }

        return defaultRuns[directory] = (files[0], run ?? firstRunOf.GetValueOrDefault(files[0]));
    }

    /// <summary>Loads the declared stacks that name <paramref name="fullPath"/>; false when none does.</summary>
    private bool LoadDeclared(string fullPath)
    {
        if (!declaredByFile.TryGetValue(fullPath, out var stacks))
        {
            return false;
        }

        foreach (var declared in stacks.Where(d => !d.IsLoaded))
        {
            declared.IsLoaded = true;
            var name = declared.Project.Name;
            var files = declared.Files.Where(f => loader.FileExists(f) && !walker.IsExcluded(f)).ToList();
            foreach (var missing in declared.Files.Concat(declared.EnvFiles).Where(f => !loader.FileExists(f)))
            {
                log.Skipped(missing, $"named by projects: '{name}', but it does not exist");
            }

            if (files.Count == 0)
            {
                continue;
            }

            var settings = new RunSettings { Name = name, EnvFiles = declared.EnvFiles, Profiles = declared.Project.Profiles };
            var run = Load(Path.GetDirectoryName(files[0]) ?? loader.Root, files, settings);
            for (var i = 0; i < files.Count; i++)
            {
                log.Run(files[i], run, DiscoveryReason.DeclaredProject, $"projects: '{name}', file {i + 1} of {files.Count}");
            }

            foreach (var envFile in declared.EnvFiles.Where(loader.FileExists))
            {
                log.Run(envFile, run, DiscoveryReason.EnvFile, $"env file of projects: '{name}'");
            }
        }

        return true;
    }

    /// <summary>Decides what a YAML file beside <paramref name="baseFile"/> (null when there is none) is, and loads or records it.</summary>
    private void Consider(string file, string? baseFile, ComposeProject? baseRun, bool named)
    {
        var name = Path.GetFileName(file);
        if (declaredByFile.ContainsKey(file) || firstRunOf.ContainsKey(file))
        {
            // A declared stack, or a run already made (a base, COMPOSE_FILE, a unit), reads it for its own reason.
            return;
        }

        if (!loader.IsInsideRoot(file))
        {
            log.Skipped(file, "a symbolic link that leads out of the linted root, so it was not read");
            return;
        }

        if (ComposeFileNames.IsKnownName(name))
        {
            log.Skipped(file, baseFile is null
                ? "an override, and there is no base file beside it"
                : $"compose reads {Path.GetFileName(baseFile)} in this directory, not this file");
            return;
        }

        var composeLike = ComposeFileNames.IsComposeLikeName(name);
        var document = composeLike || named
            ? loader.Peek(file, long.MaxValue, _ => true)
            : loader.Peek(file, ComposeSniffer.MaxSniffedLength, ComposeSniffer.MayBeCompose);
        var shape = document is null ? null : ComposeSniffer.Read(document);
        if (!composeLike && shape is not { Services.IsEmpty: false })
        {
            if (named)
            {
                // Named by the user: read (a syntax error is still reported), though it is no compose file.
                loader.Load(file, parseYaml: true);
            }

            log.Skipped(file, shape?.Rejection ?? $"larger than {ComposeSniffer.MaxSniffedLength / 1024} KiB or unreadable, so not sniffed");
            return;
        }

        if (!named && !composeLike && !shape!.IsCompose)
        {
            log.Skipped(file, shape.Rejection!);
            return;
        }

        var why = named ? "named on the command line" : composeLike ? "compose-like name" : $"YAML with services: ({shape!.Deciding})";
        if (baseFile is not null && (composeLike || shape is { CanStandAlone: false }))
        {
            AddVariant(file, baseFile, baseRun, shape, why);
        }
        else if (shape is { CanStandAlone: false })
        {
            if (named)
            {
                loader.Load(file, parseYaml: true);
            }

            log.Skipped(file, $"service '{shape.Incomplete[0]}' has no image:, build: or extends:, and no base file beside it gives one");
        }
        else if (named)
        {
            log.Run(file, Load(Path.GetDirectoryName(file) ?? loader.Root, [file], RunSettings.Default), DiscoveryReason.Named, why);
        }
        else
        {
            var reason = composeLike ? DiscoveryReason.ComposeLikeName : DiscoveryReason.SniffedServices;
            standalone.Add((Path.GetDirectoryName(file) ?? loader.Root, file, reason, $"{why}, run on its own"));
        }
    }

    /// <summary>Loads <c>-f base -f variant</c> as a run of its own, an alternative to the base's run.</summary>
    private void AddVariant(string file, string baseFile, ComposeProject? baseRun, ComposeShape? shape, string why)
    {
        var baseName = loader.DisplayPath(baseFile);
        if (log.IsIncludedOrExtended(file))
        {
            // The base (or its override) includes or extends it: it is part of that run already.
            return;
        }

        if (declaredByFile.ContainsKey(baseFile))
        {
            log.Skipped(file, $"its base {baseName} is in projects:, which replaces the guessed runs");
            return;
        }

        var baseServices = loader.Peek(baseFile, long.MaxValue, _ => true) is { } baseDocument ? ComposeSniffer.Read(baseDocument).Services : [];
        if (shape?.Incomplete.FirstOrDefault(s => !baseServices.Contains(s, StringComparer.Ordinal)) is { } orphan)
        {
            log.Skipped(file, $"service '{orphan}' has no image:, build: or extends:, neither here nor in {baseName}");
            return;
        }

        var run = Load(Path.GetDirectoryName(baseFile) ?? loader.Root, [baseFile, file], new RunSettings { VariantOf = baseRun });
        var baseText = Path.GetDirectoryName(baseFile) == Path.GetDirectoryName(file) ? Path.GetFileName(baseFile) : baseName;
        log.Run(file, run, DiscoveryReason.Variant, $"variant of {baseText}, run as -f {baseText} -f {Path.GetFileName(file)} ({why})");
    }

    /// <summary>A stack of <see cref="ModelOptions.Projects"/> with its paths made full.</summary>
    private sealed class Declared(DeclaredProject project, List<string> files, List<string> envFiles)
    {
        public DeclaredProject Project { get; } = project;

        public List<string> Files { get; } = files;

        public List<string> EnvFiles { get; } = envFiles;

        public bool IsLoaded { get; set; }
    }
}
