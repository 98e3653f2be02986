using System.Collections.Immutable;
using HostNetLint.Model.Discovery;
using HostNetLint.Model.EnvFiles;
using HostNetLint.Model.Interpolation;
using HostNetLint.Model.Loading;
using HostNetLint.Model.Workloads;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Model.Compose;

/// <summary>
/// Loads one compose project: each file with its <c>include</c>s and <c>extends</c> applied, the files merged
/// in order, then the effective services turned into workloads. Referenced files must exist under the root.
/// </summary>
/// <remarks>
/// The jobs are done by one class each: <see cref="ProjectVariablesLoader"/> (<c>.env</c>), <see cref="ComposeFileDiscovery"/>
/// (<c>COMPOSE_FILE</c> or the default names), <see cref="IncludeResolver"/>, <see cref="ExtendsResolver"/>,
/// <see cref="ComposeReferenceResolver"/> (reference checks), <see cref="ComposeEnvFiles"/> (<c>env_file:</c>),
/// <see cref="ComposeProjectName"/> and <see cref="HostNetworkNames"/>; this class puts them in order.
/// </remarks>
internal sealed class ComposeProjectLoader
{
    private readonly FileLoader loader;
    private readonly ProjectVariablesLoader variables;
    private readonly IncludeResolver includes;
    private readonly ExtendsResolver extends;
    private readonly ComposeEnvFiles envFiles;
    private readonly ComposeFileDiscovery discovery;

    public ComposeProjectLoader(FileLoader loader, ModelOptions options, List<ModelProblem> problems, EnvFileReader envFileReader, MissingEnvFiles missingEnvFiles, DiscoveryLog log)
    {
        this.loader = loader;
        var references = new ComposeReferenceResolver(loader, problems, log);
        variables = new ProjectVariablesLoader(loader, options, envFileReader);
        includes = new IncludeResolver(references, variables);
        extends = new ExtendsResolver(loader, references);
        envFiles = new ComposeEnvFiles(loader, references, envFileReader, missingEnvFiles);
        discovery = new ComposeFileDiscovery(loader, variables, references);
    }

    /// <summary>The files compose loads in <paramref name="directory"/> without <c>-f</c> (empty when it has no project).</summary>
    public IReadOnlyList<string> Discover(string directory) => discovery.Discover(directory);

    /// <inheritdoc cref="ComposeFileDiscovery.DiscoverStack"/>
    public (IReadOnlyList<string> Files, bool FromComposeFile) DiscoverStack(string directory) => discovery.DiscoverStack(directory);

    /// <summary>The run of <paramref name="files"/> (in <c>-f</c> order) from <paramref name="directory"/>, with the settings of how it is started.</summary>
    public ComposeProject Load(string directory, IReadOnlyList<string> files, RunSettings? settings = null)
    {
        settings ??= RunSettings.Default;
        var projectVariables = variables.For(directory, settings.EnvFiles, settings.Profiles);
        var composeFiles = new List<ComposeFile>();
        var declarations = new Dictionary<string, List<Location>>(StringComparer.Ordinal);
        ComposeMapping? merged = null;
        foreach (var file in files)
        {
            var model = LoadFile(file, projectVariables.Interpolator, composeFiles, includeDepth: 0, []);
            if (model is not null)
            {
                AddDeclarations(declarations, model);
                merged = merged is null ? model : ComposeMerger.MergeFiles(merged, model);
            }
        }

        if (merged is not null)
        {
            merged = (ComposeMapping)ComposeMerger.RemoveResets(merged);
        }

        var name = settings.Name ?? ComposeProjectName.Resolve(projectVariables.Values, merged, directory);

        // A variant's run shares its base's group name, so a finding both runs have is one finding (one fingerprint).
        var groupName = settings.VariantOf?.Name ?? name;
        var hostNetworks = merged is null ? [] : HostNetworkNames.Find(merged);
        var services = ImmutableArray.CreateBuilder<Workload>();
        if (merged?["services"] is ComposeMapping serviceMap)
        {
            var activeProfiles = projectVariables.ActiveProfiles;
            foreach (var entry in serviceMap.Entries)
            {
                if (entry.Value is ComposeMapping or ComposeScalar { IsNull: true })
                {
                    var environment = envFiles.Apply(entry, projectVariables, WorkloadExtractor.DeclaredEnvironment(entry.Value as ComposeMapping));
                    services.Add(WorkloadExtractor.Extract(entry, groupName, hostNetworks, environment, activeProfiles, [.. declarations.GetValueOrDefault(entry.Key) ?? []]));
                }
            }
        }

        return new ComposeProject
        {
            Name = name,
            Directory = directory,
            Files = [.. composeFiles],
            Services = services.ToImmutable(),
            HostNetworks = hostNetworks,
            VariantOf = settings.VariantOf,
        };
    }

    /// <summary>Where each file (its includes applied) writes each service's key, in load order.</summary>
    private static void AddDeclarations(Dictionary<string, List<Location>> declarations, ComposeMapping model)
    {
        if (model["services"] is not ComposeMapping services)
        {
            return;
        }

        foreach (var entry in services.Entries)
        {
            if (!declarations.TryGetValue(entry.Key, out var keys))
            {
                declarations[entry.Key] = keys = [];
            }

            if (!keys.Contains(entry.KeyLocation))
            {
                keys.Add(entry.KeyLocation);
            }
        }
    }

    /// <summary>One file's model with its includes and extends applied; null when it cannot be analysed.</summary>
    private ComposeMapping? LoadFile(string fullPath, Interpolator interpolator, List<ComposeFile> composeFiles, int includeDepth, HashSet<string> includeChain)
    {
        var document = loader.Load(fullPath, parseYaml: true);
        if (document.Yaml is not { } tree || !document.IsAnalyzable)
        {
            return null;
        }

        if (!composeFiles.Exists(f => f.Document == document))
        {
            composeFiles.Add(new ComposeFile(document, tree));
        }

        var model = extends.Apply(ComposeNodeBuilder.BuildFile(tree, interpolator), fullPath);
        return includes.Apply(model, fullPath, includeDepth, includeChain, (target, targetVariables, depth) =>
            LoadFile(target, targetVariables, composeFiles, depth, includeChain));
    }
}

/// <summary>How a run is started, where it differs from <c>docker compose up</c> in its directory.</summary>
internal sealed record RunSettings
{
    public static RunSettings Default { get; } = new();

    /// <summary>The project name given (compose's <c>-p</c>); null to resolve it as compose does.</summary>
    public string? Name { get; init; }

    /// <summary>Env files read instead of the directory's <c>.env</c> (full paths, compose's <c>--env-file</c>).</summary>
    public IReadOnlyList<string> EnvFiles { get; init; } = [];

    /// <summary>Active profiles instead of <c>COMPOSE_PROFILES</c> (compose's <c>--profile</c>).</summary>
    public ImmutableArray<string> Profiles { get; init; } = [];

    /// <summary>The base's own run when this run is a variant over it (<c>-f base -f variant</c>).</summary>
    public ComposeProject? VariantOf { get; init; }
}
