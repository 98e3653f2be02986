using System.Collections.Immutable;
using HostNetLint.Model.Interpolation;
using HostNetLint.Model.Loading;
using HostNetLint.Model.Workloads;
using HostNetLint.Parsing.Text;
using HostNetLint.Parsing.Yaml;

namespace HostNetLint.Model.Compose;

/// <summary>
/// Loads one compose project: each file with its <c>include</c>s and <c>extends</c> applied, the files merged
/// in order, then the effective services turned into workloads. Referenced files must exist under the root.
/// </summary>
internal sealed class ComposeProjectLoader
{
    // extends/include chains longer than this are cycles or abuse; compose's own limits are similar in spirit.
    private const int MaxReferenceDepth = 32;

    private readonly FileLoader loader;
    private readonly ModelOptions options;
    private readonly List<ModelProblem> problems;
    private readonly HashSet<(ModelProblemKind, Location)> reported = [];
    private readonly Dictionary<(string, Interpolator), ComposeMapping?> extendedFiles = [];
    private readonly Dictionary<string, (Interpolator, Dictionary<string, string>)> variablesByDirectory = new(StringComparer.Ordinal);

    public ComposeProjectLoader(FileLoader loader, ModelOptions options, List<ModelProblem> problems)
    {
        this.loader = loader;
        this.options = options;
        this.problems = problems;
    }

    public ComposeProject Load(string directory, IReadOnlyList<string> files)
    {
        var (interpolator, variables) = VariablesFor(directory);
        var composeFiles = new List<ComposeFile>();
        ComposeMapping? merged = null;
        foreach (var file in files)
        {
            var model = LoadFile(file, interpolator, composeFiles, includeDepth: 0, []);
            if (model is not null)
            {
                merged = merged is null ? model : ComposeMerger.MergeFiles(merged, model);
            }
        }

        if (merged is not null)
        {
            merged = (ComposeMapping)ComposeMerger.RemoveResets(merged);
        }

        // Compose's order: COMPOSE_PROJECT_NAME, then the top-level `name:`, then the directory name.
        var name = variables.TryGetValue("COMPOSE_PROJECT_NAME", out var fromVariable) && fromVariable.Length > 0 ? fromVariable
            : merged?["name"] is ComposeScalar { IsNull: false } nameScalar ? nameScalar.Text
            : NormalizeProjectName(Path.GetFileName(directory));
        var hostNetworks = merged is null ? [] : FindHostNetworks(merged);
        var services = ImmutableArray.CreateBuilder<Workload>();
        if (merged?["services"] is ComposeMapping serviceMap)
        {
            CheckEnvFiles(serviceMap);
            foreach (var entry in serviceMap.Entries)
            {
                if (entry.Value is ComposeMapping or ComposeScalar { IsNull: true })
                {
                    services.Add(WorkloadExtractor.Extract(entry, name, hostNetworks));
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

    /// <summary>Compose's project name rule: lower case, only letters, digits, <c>-</c> and <c>_</c>.</summary>
    internal static string NormalizeProjectName(string directoryName)
    {
        var name = new string([.. directoryName.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')]);
        return name.Length == 0 ? "default" : name;
    }

    private static ImmutableArray<string> FindHostNetworks(ComposeMapping model)
    {
        if (model["networks"] is not ComposeMapping networks)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<string>();
        foreach (var entry in networks.Entries)
        {
            if (entry.Value is not ComposeMapping network)
            {
                continue;
            }

            var external = network["external"];
            var isExternal = external is ComposeScalar flag ? IsTrue(flag.Text) : external is ComposeMapping;
            if (!isExternal)
            {
                continue;
            }

            // `name:` wins; the legacy `external: {name: ...}` form comes next; else the key is the name.
            var name = network["name"] is ComposeScalar { IsNull: false } named ? named.Text
                : (external as ComposeMapping)?["name"] is ComposeScalar { IsNull: false } legacy ? legacy.Text
                : entry.Key;
            if (name == "host")
            {
                result.Add(entry.Key);
            }
        }

        return result.ToImmutable();
    }

    private static bool IsTrue(string value) => value is "true" or "True" or "TRUE" or "yes" or "Yes" or "on";

    /// <summary>The variables of a project directory: its <c>.env</c>, then the host-supplied environment.</summary>
    private (Interpolator Interpolator, Dictionary<string, string> Variables) VariablesFor(string directory)
    {
        if (variablesByDirectory.TryGetValue(directory, out var known))
        {
            return known;
        }

        var envPath = Path.Combine(directory, ".env");
        Dictionary<string, string> values;
        if (File.Exists(envPath) && loader.IsInsideRoot(envPath))
        {
            var document = loader.Load(envPath, parseYaml: false);
            values = DotEnvParser.Parse(document.Text.Text, options.Environment);
            foreach (var (key, value) in options.Environment)
            {
                values.TryAdd(key, value);
            }
        }
        else
        {
            values = new Dictionary<string, string>(options.Environment, StringComparer.Ordinal);
        }

        var result = (new Interpolator(values), values);
        variablesByDirectory.Add(directory, result);
        return result;
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

        var model = BuildModel(tree, interpolator);
        model = ApplyExtends(model, fullPath);
        return ApplyIncludes(model, fullPath, interpolator, composeFiles, includeDepth, includeChain);
    }

    private static ComposeMapping BuildModel(YamlSyntaxTree tree, Interpolator interpolator)
    {
        var location = new Location(tree.Text, new TextSpan(0, 0));
        return tree.Root is YamlMapping root && new ComposeNodeBuilder(tree.Text, interpolator).Build(root) is ComposeMapping model
            ? model
            : new ComposeMapping([], location, location, null, interpolator);
    }

    private ComposeMapping ApplyIncludes(ComposeMapping model, string fullPath, Interpolator interpolator, List<ComposeFile> composeFiles, int depth, HashSet<string> chain)
    {
        if (model.Find("include") is not { } include)
        {
            return model;
        }

        var withoutInclude = model.WithEntries(model.Entries.Remove(include));
        if (depth >= MaxReferenceDepth || !chain.Add(fullPath))
        {
            return withoutInclude;
        }

        var result = withoutInclude;
        foreach (var reference in IncludePaths(include.Value))
        {
            var target = ResolveReference(reference, fullPath);
            if (target is null || chain.Contains(target))
            {
                continue;
            }

            // An included file is a project of its own directory: its .env, not the includer's, fills its variables.
            var includedVariables = VariablesFor(Path.GetDirectoryName(target) ?? loader.Root).Interpolator;
            var included = LoadFile(target, includedVariables, composeFiles, depth + 1, chain);
            if (included is not null)
            {
                result = AddMissing(result, included, "services");
                result = AddMissing(result, included, "networks");
            }
        }

        chain.Remove(fullPath);
        return result;
    }

    /// <summary>Adds the entries of <paramref name="section"/> that the including file does not define itself.</summary>
    private static ComposeMapping AddMissing(ComposeMapping model, ComposeMapping included, string section)
    {
        if (included.Find(section) is not { Value: ComposeMapping addition } includedEntry)
        {
            return model;
        }

        var existing = model.Find(section);
        if (existing is not { Value: ComposeMapping current })
        {
            return model.WithEntries(existing is null ? model.Entries.Add(includedEntry) : model.Entries.Replace(existing, includedEntry));
        }

        var entries = current.Entries.ToBuilder();
        foreach (var entry in addition.Entries)
        {
            if (current.Find(entry.Key) is null)
            {
                entries.Add(entry);
            }
        }

        return model.WithEntries(model.Entries.Replace(existing, existing with { Value = current.WithEntries(entries.ToImmutable()) }));
    }

    private static IEnumerable<ComposeScalar> IncludePaths(ComposeNode include)
    {
        var items = include is ComposeSequence sequence ? sequence.Items : [include];
        foreach (var item in items)
        {
            switch (item)
            {
                case ComposeScalar { IsNull: false } scalar:
                    yield return scalar;
                    break;
                case ComposeMapping mapping when mapping["path"] is ComposeScalar { IsNull: false } path:
                    yield return path;
                    break;
                case ComposeMapping mapping when mapping["path"] is ComposeSequence paths:
                    foreach (var path in paths.Items.OfType<ComposeScalar>())
                    {
                        yield return path;
                    }

                    break;
            }
        }
    }

    private ComposeMapping ApplyExtends(ComposeMapping model, string fullPath)
    {
        if (model.Find("services") is not { Value: ComposeMapping services } servicesEntry)
        {
            return model;
        }

        var entries = services.Entries.ToBuilder();
        var changed = false;
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Value is ComposeMapping service && service.Find("extends") is not null)
            {
                entries[i] = entries[i] with { Value = ResolveService(fullPath, services, entries[i].Key, []) ?? service };
                changed = true;
            }
        }

        return changed
            ? model.WithEntries(model.Entries.Replace(servicesEntry, servicesEntry with { Value = services.WithEntries(entries.ToImmutable()) }))
            : model;
    }

    /// <summary>A service with its <c>extends</c> chain applied; inherited values enter at the <c>extends</c> key.</summary>
    private ComposeMapping? ResolveService(string fullPath, ComposeMapping services, string name, HashSet<(string, string)> chain)
    {
        if (services[name] is not ComposeMapping service)
        {
            return null;
        }

        if (service.Find("extends") is not { } extends)
        {
            return service;
        }

        var withoutExtends = service.WithEntries(service.Entries.Remove(extends));
        if (chain.Count >= MaxReferenceDepth || !chain.Add((fullPath, name)))
        {
            return withoutExtends;
        }

        var (baseName, fileReference) = extends.Value switch
        {
            ComposeScalar scalar => (scalar.Text, null),
            ComposeMapping mapping => ((mapping["service"] as ComposeScalar)?.Text, mapping["file"] as ComposeScalar),
            _ => (null, null),
        };

        var baseFile = fullPath;
        ComposeMapping? baseServices = services;
        if (fileReference is { IsNull: false })
        {
            var target = ResolveReference(fileReference, fullPath);
            baseFile = target ?? fullPath;
            baseServices = target is null ? null : ServicesOf(target, extends.Value.Interpolator);
        }

        var extended = baseName is null || baseServices is null ? null : ResolveService(baseFile, baseServices, baseName, chain);
        chain.Remove((fullPath, name));
        return extended is null
            ? withoutExtends
            : ComposeMerger.MergeServices((ComposeMapping)extended.WithSite(extends.KeySite), withoutExtends);
    }

    /// <summary>
    /// Reports <c>env_file</c> entries that are missing (unless <c>required: false</c>) or outside the root.
    /// Each path is relative to the file it is written in, as compose resolves paths per file.
    /// </summary>
    private void CheckEnvFiles(ComposeMapping services)
    {
        foreach (var entry in services.Entries)
        {
            if (entry.Value is not ComposeMapping { } service || service["env_file"] is not { } envFile)
            {
                continue;
            }

            foreach (var item in envFile is ComposeSequence sequence ? sequence.Items : [envFile])
            {
                var (path, required) = item switch
                {
                    ComposeScalar scalar => (scalar, true),
                    ComposeMapping mapping => (mapping["path"] as ComposeScalar, (mapping["required"] as ComposeScalar)?.Value is not ("false" or "False")),
                    _ => (null, false),
                };
                if (path is { IsNull: false })
                {
                    ResolveReference(path, loader.FullPathOf(path.Location.Source), reportMissing: required);
                }
            }
        }
    }

    /// <summary>The <c>services</c> of a file that <c>extends</c> names, built once however many services extend it.</summary>
    private ComposeMapping? ServicesOf(string fullPath, Interpolator interpolator)
    {
        // The extended file is interpolated with the variables of the project that extends it.
        if (!extendedFiles.TryGetValue((fullPath, interpolator), out var services))
        {
            var document = loader.Load(fullPath, parseYaml: true);
            services = document is { IsAnalyzable: true, Yaml: { } tree } ? BuildModel(tree, interpolator)["services"] as ComposeMapping : null;
            extendedFiles.Add((fullPath, interpolator), services);
        }

        return services;
    }

    /// <summary>The full path a file reference names, or null (with a problem) when it is missing or outside the root.</summary>
    private string? ResolveReference(ComposeScalar reference, string referencingFile, bool reportMissing = true)
    {
        var relative = reference.Text.Trim();
        if (IsRemote(relative))
        {
            // git and OCI includes are fetched by compose at run time; a linter neither fetches nor reports them.
            return null;
        }

        var directory = Path.GetDirectoryName(referencingFile) ?? loader.Root;
        string target;
        try
        {
            target = FileLoader.Normalize(Path.Combine(directory, relative));
        }
        catch (ArgumentException)
        {
            Report(ModelProblemKind.ReferenceMissing, reference.Location, $"'{relative}' is not a valid file path");
            return null;
        }

        if (!loader.IsInsideRoot(target))
        {
            Report(ModelProblemKind.ReferenceOutsideRoot, reference.Location, $"'{relative}' is outside the linted root; it was not read");
            return null;
        }

        if (!File.Exists(target))
        {
            if (!reportMissing)
            {
                return null;
            }

            Report(ModelProblemKind.ReferenceMissing, reference.Location, $"'{relative}' does not exist");
            return null;
        }

        return target;
    }

    /// <summary>True for <c>scheme://...</c>, <c>git@host:...</c> and other <c>scheme:</c> references (not <c>C:</c> drives).</summary>
    private static bool IsRemote(string reference)
    {
        var colon = reference.IndexOf(':', StringComparison.Ordinal);
        return reference.StartsWith("git@", StringComparison.Ordinal)
            || (colon >= 2 && reference[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '.' or '-') && char.IsAsciiLetter(reference[0]));
    }

    private void Report(ModelProblemKind kind, Location location, string message)
    {
        if (reported.Add((kind, location)))
        {
            problems.Add(new ModelProblem(kind, location, message));
        }
    }
}
