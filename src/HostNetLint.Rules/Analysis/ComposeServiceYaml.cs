using HostNetLint.Model;
using HostNetLint.Model.Compose;
using HostNetLint.Parsing.Yaml;

namespace HostNetLint.Rules.Analysis;

/// <summary>A mapping whose keys become keys of services: a service's own, or one it merges with <c>&lt;&lt;</c> (an anchor).</summary>
/// <param name="Services">The names of the services whose keys these are, in file order.</param>
/// <param name="IsAnchor">False for a service's own mapping, true for one that reaches services through merges or aliases.</param>
public sealed record ServiceKeyMapping(YamlMapping Mapping, IReadOnlyList<string> Services, bool IsAnchor);

/// <summary>
/// Compose files as written, for rules about keys (misspelled or misplaced) rather than effective values: each file once,
/// and the mappings whose keys become service keys, each once however many services merge it.
/// </summary>
public static class ComposeServiceYaml
{
    // Deep enough for any merge chain people write; a guard, as aliases cannot form cycles.
    private const int MaxMergeDepth = 64;

    /// <summary>Every compose file of the model once (a file may belong to several projects), in model order.</summary>
    public static IEnumerable<ComposeFile> Files(DeploymentModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return model.ComposeProjects.SelectMany(p => p.Files).Where(f => f.Root is not null && seen.Add(f.Document.Path));
    }

    /// <summary>The <c>services:</c> mapping of a file's root, aliases followed; null when there is none.</summary>
    public static YamlMapping? Services(YamlMapping root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return root["services"]?.Resolve() as YamlMapping;
    }

    /// <summary>
    /// Each mapping whose keys become service keys in the file with <paramref name="root"/>: every service's mapping, then
    /// every mapping they merge (<c>&lt;&lt;: *anchor</c>, <c>&lt;&lt;: [*a, *b]</c>, merges inside merged mappings), each
    /// once with all the services that reach it. Linear in the size of the file.
    /// </summary>
    public static IReadOnlyList<ServiceKeyMapping> Mappings(YamlMapping root)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (Services(root) is not { } services)
        {
            return [];
        }

        var order = new List<YamlMapping>();
        var reachedBy = new Dictionary<YamlMapping, List<string>>(ReferenceEqualityComparer.Instance);
        var own = new HashSet<YamlMapping>(ReferenceEqualityComparer.Instance);
        foreach (var entry in services.Entries)
        {
            if (entry.KeyText is not { } name || entry.Value.Resolve() is not YamlMapping mapping)
            {
                continue;
            }

            // A service written as an alias of a template (web: *template) reaches the template like a merge does.
            if (entry.Value is not YamlAlias)
            {
                own.Add(mapping);
            }

            var stack = new Stack<(YamlMapping Mapping, int Depth)>();
            stack.Push((mapping, 0));
            var seenForService = new HashSet<YamlMapping>(ReferenceEqualityComparer.Instance);
            while (stack.Count > 0)
            {
                var (current, depth) = stack.Pop();
                if (!seenForService.Add(current))
                {
                    continue;
                }

                if (!reachedBy.TryGetValue(current, out var names))
                {
                    reachedBy[current] = names = [];
                    order.Add(current);
                }

                names.Add(name);
                if (depth < MaxMergeDepth)
                {
                    foreach (var merged in Merged(current))
                    {
                        stack.Push((merged, depth + 1));
                    }
                }
            }
        }

        return [.. order.Select(m => new ServiceKeyMapping(m, reachedBy[m], !own.Contains(m)))];
    }

    /// <summary>The mappings <paramref name="mapping"/> merges through <c>&lt;&lt;</c> keys, in order.</summary>
    public static IEnumerable<YamlMapping> Merged(YamlMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        foreach (var entry in mapping.Entries)
        {
            if (!IsMergeKey(entry))
            {
                continue;
            }

            if (entry.Value is YamlSequence sequence)
            {
                foreach (var item in sequence.Items)
                {
                    if (item.Resolve() is YamlMapping merged)
                    {
                        yield return merged;
                    }
                }
            }
            else if (entry.Value.Resolve() is YamlMapping merged)
            {
                yield return merged;
            }
        }
    }

    /// <summary>True for YAML's merge key, <c>&lt;&lt;</c> written plain.</summary>
    public static bool IsMergeKey(YamlMappingEntry entry) => entry.Key is YamlScalar { Value: "<<", Style: YamlScalarStyle.Plain };
}
