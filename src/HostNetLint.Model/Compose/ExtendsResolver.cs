using HostNetLint.Model.Interpolation;
using HostNetLint.Model.Loading;

namespace HostNetLint.Model.Compose;

/// <summary>
/// Applies <c>extends</c> to the services of one file: the base service (in the same file or another) is merged
/// under the extending one, and inherited values enter at the <c>extends</c> key. Chains are bounded and cycles end.
/// </summary>
internal sealed class ExtendsResolver
{
    private readonly FileLoader loader;
    private readonly ComposeReferenceResolver references;
    private readonly Dictionary<(string, Interpolator), ComposeMapping?> extendedFiles = [];

    public ExtendsResolver(FileLoader loader, ComposeReferenceResolver references)
    {
        this.loader = loader;
        this.references = references;
    }

    public ComposeMapping Apply(ComposeMapping model, string fullPath)
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
        if (chain.Count >= ComposeReferenceLimits.MaxDepth || !chain.Add((fullPath, name)))
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
            var target = references.Resolve(fileReference, fullPath, Discovery.DiscoveryReason.Extends);
            baseFile = target ?? fullPath;
            baseServices = target is null ? null : ServicesOf(target, extends.Value.Interpolator);
        }

        var extended = baseName is null || baseServices is null ? null : ResolveService(baseFile, baseServices, baseName, chain);
        chain.Remove((fullPath, name));
        return extended is null
            ? withoutExtends
            : ComposeMerger.MergeServices((ComposeMapping)extended.WithSite(extends.KeySite), withoutExtends);
    }

    /// <summary>The <c>services</c> of a file that <c>extends</c> names, built once however many services extend it.</summary>
    private ComposeMapping? ServicesOf(string fullPath, Interpolator interpolator)
    {
        // The extended file is interpolated with the variables of the project that extends it.
        if (!extendedFiles.TryGetValue((fullPath, interpolator), out var services))
        {
            var document = loader.Load(fullPath, parseYaml: true);
            services = document is { IsAnalyzable: true, Yaml: { } tree } ? ComposeNodeBuilder.BuildFile(tree, interpolator)["services"] as ComposeMapping : null;
            extendedFiles.Add((fullPath, interpolator), services);
        }

        return services;
    }
}
