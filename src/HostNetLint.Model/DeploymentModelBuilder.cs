using System.Collections.Immutable;
using HostNetLint.Model.Compose;
using HostNetLint.Model.Discovery;
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
    /// A directory yields the compose runs found in it and in each subdirectory (<see cref="ComposeStacks"/>): its default
    /// stack (compose's names, or <c>COMPOSE_FILE</c> in its <c>.env</c>), each variant over its base
    /// (<c>-f docker-compose.yml -f docker-compose.prod.yml</c>, <see cref="ComposeProject.VariantOf"/>), and compose-like
    /// names and other YAML whose services have an image or build on their own; the stacks of
    /// <see cref="ModelOptions.Projects"/> replace the guessed runs of their files. A named file yields its directory's
    /// default stack (a compose name), its run over its base (a variant) or a run of its own. Why each file was read, or
    /// left out, is in <see cref="DeploymentModel.Discovery"/>. <see cref="ComposeProject.Directory"/> is a full path.
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
        return Build(fullRoot, options, new InstallPathIndex(), run =>
        {
            foreach (var path in paths.Count == 0 ? [fullRoot] : paths)
            {
                if (!TryGetFullPath(fullRoot, path, out var fullPath))
                {
                    continue;
                }

                if (Directory.Exists(fullPath))
                {
                    AddDirectories(run.Walker.List(fullPath), run);
                }
                else if ((File.Exists(fullPath) || IsUnsavedBuffer(options, fullPath)) && !run.Walker.IsExcluded(fullPath))
                {
                    if (UnitModelBuilder.IsUnitFileName(Path.GetFileName(fullPath)))
                    {
                        run.Units.AddFile(fullPath);
                    }
                    else
                    {
                        run.Stacks.AddNamedFile(fullPath);
                    }
                }
            }
        });
    }

    /// <summary>
    /// The model of <paramref name="listing"/> (directories of one walk of the root) alone: one of the separate
    /// deployments of <see cref="SeparateDeployments"/>, which share <paramref name="installPaths"/>.
    /// </summary>
    internal static DeploymentModel BuildListing(string fullRoot, IReadOnlyList<WalkedDirectory> listing, ModelOptions options, InstallPathIndex installPaths) =>
        Build(fullRoot, options, installPaths, run => AddDirectories(listing, run));

    private static DeploymentModel Build(string fullRoot, ModelOptions options, InstallPathIndex installPaths, Action<ModelInputs> addInputs)
    {
        var loader = new FileLoader(fullRoot, options);
        var walker = new DirectoryWalker(loader, options);

        var problems = new List<ModelProblem>();
        var log = new DiscoveryLog(loader);
        var envFileReader = new EnvFileReader(loader, problems);
        var missingEnvFiles = new MissingEnvFiles(loader, problems);
        var projectLoader = new ComposeProjectLoader(loader, options, problems, envFileReader, missingEnvFiles, log);
        var stacks = new ComposeStacks(loader, walker, projectLoader, log, options);
        var units = new UnitModelBuilder(loader, walker, options, problems, stacks.ForUnit, projectLoader.Discover, envFileReader, missingEnvFiles, installPaths);
        try
        {
            addInputs(new ModelInputs(loader, walker, stacks, units));

            // Files that run on their own come after every directory's stacks, which may include or extend them.
            stacks.Complete();

            // Units come last: they link to the projects found above and load the ones only they name.
            var (serviceUnits, unitWorkloads) = units.Build();
            missingEnvFiles.Complete();
            var projects = stacks.Projects.ToImmutableArray();
            ImmutableArray<Workload> workloads = [.. projects.SelectMany(p => p.Services), .. unitWorkloads];

            // Last, when every workload a service:, container: or pod reference may name is known.
            NetworkNamespaceResolver.Resolve(projects, workloads);
            var documents = loader.Documents;
            return new DeploymentModel
            {
                Root = fullRoot,
                Documents = documents,
                ComposeProjects = projects,
                Workloads = workloads,
                Units = serviceUnits,
                Problems = [.. problems],
                Discovery = log.Build(documents, projects, serviceUnits, workloads),
                Links = DeploymentLinks.Of(workloads, units, missingEnvFiles),
            };
        }
        finally
        {
            loader.StopReadAhead();
        }
    }

    /// <summary>
    /// A walked tree's directories in walk order, their files read ahead on the other cores; an unlistable directory is
    /// reported where a lazy walk meets it (its files before they are used, its subdirectories after).
    /// </summary>
    private static void AddDirectories(IReadOnlyList<WalkedDirectory> listing, ModelInputs run)
    {
        var readAhead = new List<(string FullPath, ReadAheadKind Kind)>();
        foreach (var directory in listing)
        {
            foreach (var file in directory.Files)
            {
                if (ReadAheadKindOf(file) is { } kind)
                {
                    readAhead.Add((file, kind));
                }
            }
        }

        run.Loader.AddListing(listing);
        run.Loader.StartReadAhead(readAhead, ComposeSniffer.MayBeCompose);
        foreach (var directory in listing)
        {
            if (directory.FilesError is { } filesError)
            {
                run.Loader.ReportUnlistableDirectory(directory.Path, filesError);
            }

            run.Stacks.AddDirectory(directory.Path, directory.Files);
            run.Units.AddUnitFiles(directory.Files);
            if (directory.ChildrenError is { } childrenError)
            {
                run.Loader.ReportUnlistableDirectory(directory.Path, childrenError);
            }
        }
    }

    /// <summary>How a walked file will be read, when the model reads it at all.</summary>
    internal static ReadAheadKind? ReadAheadKindOf(string fullPath)
    {
        var name = Path.GetFileName(fullPath);
        if (ComposeFileNames.IsKnownName(name) || ComposeFileNames.IsComposeLikeName(name))
        {
            return ReadAheadKind.Yaml;
        }

        if (ComposeFileNames.IsYaml(name))
        {
            return ReadAheadKind.YamlIfSniffed;
        }

        if (UnitModelBuilder.IsUnitFileName(name) || UnitModelBuilder.IsDropInFile(fullPath))
        {
            return ReadAheadKind.Unit;
        }

        return name == ".env" ? ReadAheadKind.Text : null;
    }

    internal static bool TryGetFullPath(string root, string path, out string fullPath)
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

    /// <summary>What a model's inputs are added to: the files of walked directories, named files and units.</summary>
    private sealed record ModelInputs(FileLoader Loader, DirectoryWalker Walker, ComposeStacks Stacks, UnitModelBuilder Units);
}
