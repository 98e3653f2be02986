using System.Collections.Immutable;
using HostNetLint.Model.EnvFiles;
using HostNetLint.Model.Interpolation;
using HostNetLint.Model.Loading;
using HostNetLint.Model.Workloads;

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

    public ComposeProjectLoader(FileLoader loader, ModelOptions options, List<ModelProblem> problems, EnvFileReader envFileReader, MissingEnvFiles missingEnvFiles)
    {
        this.loader = loader;
        var references = new ComposeReferenceResolver(loader, problems);
        variables = new ProjectVariablesLoader(loader, options, envFileReader);
        includes = new IncludeResolver(references, variables);
        extends = new ExtendsResolver(loader, references);
        envFiles = new ComposeEnvFiles(loader, references, envFileReader, missingEnvFiles);
        discovery = new ComposeFileDiscovery(variables, references);
    }

    /// <summary>The files compose loads in <paramref name="directory"/> without <c>-f</c> (empty when it has no project).</summary>
    public IReadOnlyList<string> Discover(string directory) => discovery.Discover(directory);

    public ComposeProject Load(string directory, IReadOnlyList<string> files)
    {
        var projectVariables = variables.For(directory);
        var composeFiles = new List<ComposeFile>();
        ComposeMapping? merged = null;
        foreach (var file in files)
        {
            var model = LoadFile(file, projectVariables.Interpolator, composeFiles, includeDepth: 0, []);
            if (model is not null)
            {
                merged = merged is null ? model : ComposeMerger.MergeFiles(merged, model);
            }
        }

        if (merged is not null)
        {
            merged = (ComposeMapping)ComposeMerger.RemoveResets(merged);
        }

        var name = ComposeProjectName.Resolve(projectVariables.Values, merged, directory);
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
                    services.Add(WorkloadExtractor.Extract(entry, name, hostNetworks, environment, activeProfiles));
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
        };
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
