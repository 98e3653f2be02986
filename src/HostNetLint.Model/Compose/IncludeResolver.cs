using HostNetLint.Model.Interpolation;

namespace HostNetLint.Model.Compose;

/// <summary>
/// Applies a file's top-level <c>include</c>: each included file (with its own includes) adds the services and
/// networks the including file does not define itself. Chains are bounded and cycles end.
/// </summary>
internal sealed class IncludeResolver
{
    private readonly ComposeReferenceResolver references;
    private readonly ProjectVariablesLoader variables;

    public IncludeResolver(ComposeReferenceResolver references, ProjectVariablesLoader variables)
    {
        this.references = references;
        this.variables = variables;
    }

    /// <summary>
    /// The model with its includes applied. <paramref name="loadIncluded"/> loads an included file (full path,
    /// its interpolator, the include depth) the same way the project's own files are loaded.
    /// </summary>
    public ComposeMapping Apply(ComposeMapping model, string fullPath, int depth, HashSet<string> chain, Func<string, Interpolator, int, ComposeMapping?> loadIncluded)
    {
        if (model.Find("include") is not { } include)
        {
            return model;
        }

        var withoutInclude = model.WithEntries(model.Entries.Remove(include));
        if (depth >= ComposeReferenceLimits.MaxDepth || !chain.Add(fullPath))
        {
            return withoutInclude;
        }

        var result = withoutInclude;
        foreach (var reference in IncludePaths(include.Value))
        {
            var target = references.Resolve(reference, fullPath, Discovery.DiscoveryReason.Include);
            if (target is null || chain.Contains(target))
            {
                continue;
            }

            // An included file is a project of its own directory: its .env, not the includer's, fills its variables.
            var includedVariables = variables.For(Path.GetDirectoryName(target) ?? string.Empty).Interpolator;
            var included = loadIncluded(target, includedVariables, depth + 1);
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
}
