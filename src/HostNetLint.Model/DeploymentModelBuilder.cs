using System.Collections.Immutable;
using HostNetLint.Model.Compose;
using HostNetLint.Model.EnvFiles;
using HostNetLint.Model.Loading;
using HostNetLint.Model.Units;
using HostNetLint.Model.Workloads;

namespace HostNetLint.Model;

/// <summary>Builds the <see cref="DeploymentModel"/> of a set of paths (files or directories).</summary>
public static class DeploymentModelBuilder
{
    /// <summary>
    /// Reads the compose projects under <paramref name="root"/> (or only those named by <paramref name="paths"/>)
    /// into a model. Never throws on bad input: unreadable, malformed or over-limit files become problems
    /// on their <see cref="SourceDocument"/>, and every other file is still read.
    /// </summary>
    /// <remarks>
    /// Relative <paramref name="paths"/> resolve against <paramref name="root"/>; an empty list means the root.
    /// Document paths (and so every <see cref="Parsing.Text.Location"/>) are root-relative with forward slashes.
    /// A directory yields the projects compose would find in it and in each subdirectory; a file with a
    /// compose name yields its directory's project; any other YAML file with a top-level <c>services:</c>
    /// mapping is a project of its own. <see cref="ComposeProject.Directory"/> is a full path.
    /// Each file is interpolated with the variables of its project directory (<c>.env</c>, then
    /// <see cref="ModelOptions.Environment"/>); a <c>.env</c> that is read is a document too (without a YAML tree), and its
    /// <c>COMPOSE_FILE</c> names the directory's files instead of the default names, its <c>COMPOSE_PROFILES</c> the active
    /// profiles, its <c>COMPOSE_PROJECT_NAME</c> the project. Files referenced by <c>include</c>, <c>extends</c>,
    /// <c>env_file</c> or <c>COMPOSE_FILE</c> are read only when they lie under the root (symbolic links resolved); otherwise
    /// the reference is a <see cref="ModelProblem"/> at the referencing value. Env files (<c>env_file</c>, <c>--env-file</c>,
    /// <c>EnvironmentFile=</c>) are documents too, and their variables are part of the workload's (or unit's) environment.
    /// <para>
    /// systemd units (<c>*.service</c>) and Podman quadlets (<c>.container</c>, <c>.pod</c>, <c>.kube</c>, <c>.network</c>,
    /// <c>.volume</c>, <c>.image</c>, <c>.build</c>) found the same way, or named, become <see cref="DeploymentModel.Units"/>
    /// with their <c>NAME.d/*.conf</c> drop-ins merged. Compose files named by their Exec lines are install paths, mapped
    /// to the root by <see cref="ModelOptions.PathMappings"/> or a unique trailing-segment match; a project already
    /// loaded from the same files is reused. <c>podman run</c>/<c>create</c>, <c>podman pod create</c>,
    /// <c>podman kube play</c> and quadlets add workloads of their own. Files that only look like units (D-Bus
    /// activation files, systemd-networkd <c>.network</c> files) are skipped silently and are not documents.
    /// </para>
    /// </remarks>
    public static DeploymentModel Build(string root, IReadOnlyList<string> paths, ModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);

        var fullRoot = FileLoader.Normalize(root);
        var loader = new FileLoader(fullRoot, options);
        var walker = new DirectoryWalker(loader, options);
        var problems = new List<ModelProblem>();
        var envFileReader = new EnvFileReader(loader, problems);
        var missingEnvFiles = new MissingEnvFiles(loader, problems);
        var projectLoader = new ComposeProjectLoader(loader, options, problems, envFileReader, missingEnvFiles);
        var projects = new List<ComposeProject>();
        var seenDirectories = new HashSet<string>(StringComparer.Ordinal);
        var seenFiles = new HashSet<string>(StringComparer.Ordinal);
        var projectsByFiles = new Dictionary<string, ComposeProject>(StringComparer.Ordinal);

        ComposeProject LoadProject(string directory, IReadOnlyList<string> files)
        {
            var project = projectLoader.Load(directory, files);
            projects.Add(project);
            projectsByFiles.TryAdd(string.Join('\n', files), project);
            return project;
        }

        // A unit names files; the project loaded from the same files (by discovery or another unit) is reused,
        // so its workloads are the same instances and rules do not report them twice.
        ComposeProject ProjectFor(string directory, IReadOnlyList<string> files)
        {
            if (projectsByFiles.TryGetValue(string.Join('\n', files), out var known))
            {
                return known;
            }

            seenDirectories.Add(directory);
            foreach (var file in files)
            {
                seenFiles.Add(file);
            }

            return LoadProject(directory, files);
        }

        var units = new UnitModelBuilder(loader, walker, options, problems, ProjectFor, projectLoader.Discover, envFileReader, missingEnvFiles);

        void AddDirectoryProject(string directory)
        {
            if (!seenDirectories.Add(directory))
            {
                return;
            }

            // An excluded base leaves the directory without a project; an excluded override is just not applied.
            var files = projectLoader.Discover(directory).ToList();
            if (files.Count == 0 || walker.IsExcluded(files[0]))
            {
                return;
            }

            files.RemoveAll(walker.IsExcluded);
            if (files.TrueForAll(seenFiles.Add))
            {
                LoadProject(directory, files);
            }
        }

        foreach (var path in paths.Count == 0 ? [fullRoot] : paths)
        {
            if (!TryGetFullPath(fullRoot, path, out var fullPath))
            {
                continue;
            }

            if (Directory.Exists(fullPath))
            {
                foreach (var directory in walker.Walk(fullPath))
                {
                    AddDirectoryProject(directory);
                    units.AddDirectory(directory);
                }
            }
            else if ((File.Exists(fullPath) || IsUnsavedBuffer(options, fullPath)) && !walker.IsExcluded(fullPath))
            {
                var directory = Path.GetDirectoryName(fullPath) ?? fullRoot;
                if (ComposeFileNames.IsKnownName(Path.GetFileName(fullPath)) && File.Exists(fullPath))
                {
                    AddDirectoryProject(directory);
                }
                else if (UnitModelBuilder.IsUnitFileName(Path.GetFileName(fullPath)))
                {
                    units.AddFile(fullPath);
                }
                else if (ModelFiles.IsYamlFileName(fullPath) && seenFiles.Add(fullPath) && HasServices(loader.Load(fullPath, parseYaml: true)))
                {
                    // Any YAML with services:, and a compose file that exists only as an unsaved buffer (discovery lists what is on disk).
                    LoadProject(directory, [fullPath]);
                }
            }
        }

        // Units come last: they link to the projects found above and load the ones only they name.
        var (serviceUnits, unitWorkloads) = units.Build();
        missingEnvFiles.Complete();
        ImmutableArray<Workload> workloads = [.. projects.SelectMany(p => p.Services), .. unitWorkloads];

        // Last, when every workload a service:, container: or pod reference may name is known.
        NetworkNamespaceResolver.Resolve(projects, workloads);
        return new DeploymentModel
        {
            Root = fullRoot,
            Documents = loader.Documents,
            ComposeProjects = [.. projects],
            Workloads = workloads,
            Units = serviceUnits,
            Problems = [.. problems],
        };
    }

    private static bool TryGetFullPath(string root, string path, out string fullPath)
    {
        try
        {
            fullPath = FileLoader.Normalize(Path.Combine(root, path));
            return true;
        }
        catch (ArgumentException)
        {
            // A path with characters the file system cannot name names nothing to read.
            fullPath = string.Empty;
            return false;
        }
    }

    /// <summary>A named file that is not on disk yet but is in the overlay: an editor's new, unsaved buffer.</summary>
    private static bool IsUnsavedBuffer(ModelOptions options, string fullPath) => options.Overlay.ContainsKey(fullPath);

    private static bool HasServices(SourceDocument document) =>
        document.IsAnalyzable && document.Yaml is { } tree && ModelFiles.HasServices(tree);
}
