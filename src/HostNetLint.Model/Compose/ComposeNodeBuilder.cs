using System.Collections.Immutable;
using HostNetLint.Model.Interpolation;
using HostNetLint.Parsing.Text;
using HostNetLint.Parsing.Yaml;

namespace HostNetLint.Model.Compose;

/// <summary>
/// Turns a YAML tree into <see cref="ComposeNode"/>s: aliases followed, merge keys (<c>&lt;&lt;</c>) applied
/// (explicit keys win, earlier aliases of a merge sequence win over later ones). Values that arrive through
/// an alias or a merge key get the alias or <c>&lt;&lt;</c> key as their <see cref="ComposeNode.Site"/>.
/// </summary>
/// <remarks>
/// Recursion follows the tree, whose depth (through aliases) and alias expansion are bounded by the parser.
/// </remarks>
internal sealed class ComposeNodeBuilder
{
    private const string MergeKey = "<<";

    // Up to this many entries a scan finds a duplicate key sooner than a set is built.
    private const int SmallMapping = 16;
    private readonly SourceText text;
    private readonly Interpolator interpolator;

    public ComposeNodeBuilder(SourceText text, Interpolator interpolator)
    {
        this.text = text;
        this.interpolator = interpolator;
    }

    public ComposeNode Build(YamlNode node) => Build(node, site: null);

    /// <summary>A whole file's model; an empty mapping when its root is not a mapping.</summary>
    public static ComposeMapping BuildFile(YamlSyntaxTree tree, Interpolator interpolator)
    {
        var location = new Location(tree.Text, new TextSpan(0, 0));
        return tree.Root is YamlMapping root && new ComposeNodeBuilder(tree.Text, interpolator).Build(root) is ComposeMapping model
            ? model
            : new ComposeMapping([], location, location, null, interpolator);
    }

    private ComposeNode Build(YamlNode node, Location? site)
    {
        if (node is YamlAlias alias)
        {
            var aliasLocation = At(alias.Span);
            var target = alias.Resolve();
            return target is null
                ? new ComposeScalar(string.Empty, YamlScalarStyle.Plain, isNull: true, aliasLocation, site ?? aliasLocation, null, interpolator)
                : Build(target, site ?? aliasLocation);
        }

        var location = At(node.Span);
        var effectiveSite = site ?? location;
        switch (node)
        {
            case YamlScalar scalar:
                return new ComposeScalar(scalar.Value, scalar.Style, scalar.IsNull, location, effectiveSite, scalar.Tag, interpolator);
            case YamlSequence sequence:
                var items = ImmutableArray.CreateBuilder<ComposeNode>(sequence.Items.Length);
                foreach (var item in sequence.Items)
                {
                    items.Add(Build(item, site));
                }

                return new ComposeSequence(items.MoveToImmutable(), location, effectiveSite, sequence.Tag, interpolator);
            case YamlMapping mapping:
                return new ComposeMapping(BuildEntries(mapping, site), location, effectiveSite, mapping.Tag, interpolator);
            default:
                return new ComposeScalar(string.Empty, YamlScalarStyle.Plain, isNull: true, location, effectiveSite, node.Tag, interpolator);
        }
    }

    private ImmutableArray<ComposeEntry> BuildEntries(YamlMapping mapping, Location? site)
    {
        var result = ImmutableArray.CreateBuilder<ComposeEntry>(mapping.Entries.Length);
        if (!HasMergeKey(mapping) && mapping.Entries.Length <= SmallMapping)
        {
            // Most mappings are small and merge nothing: a duplicate key is found by a scan of the few kept so far,
            // without the two sets a merge needs (they were a large share of the model's allocations).
            foreach (var entry in mapping.Entries)
            {
                if (entry.KeyText is { } key && !Contains(result, key))
                {
                    var keyLocation = At(entry.Key.Span);
                    result.Add(new ComposeEntry(key, keyLocation, site ?? keyLocation, Build(entry.Value, site)));
                }
            }

            return result.ToImmutable();
        }

        // Explicit keys win over merged ones wherever they are written, so collect them first.
        var explicitKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            if (entry.KeyText is { } key && !IsMergeKey(entry))
            {
                explicitKeys.Add(key);
            }
        }

        var emitted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            if (entry.KeyText is not { } key)
            {
                continue;
            }

            if (IsMergeKey(entry))
            {
                var mergeSite = site ?? At(entry.Key.Span);
                foreach (var source in MergeSources(entry.Value))
                {
                    if (Build(source, mergeSite) is not ComposeMapping merged)
                    {
                        continue;
                    }

                    foreach (var mergedEntry in merged.Entries)
                    {
                        if (!explicitKeys.Contains(mergedEntry.Key) && emitted.Add(mergedEntry.Key))
                        {
                            result.Add(mergedEntry);
                        }
                    }
                }

                continue;
            }

            // A duplicate key is reported by the parser; the first one is the one that counts here.
            if (emitted.Add(key))
            {
                var keyLocation = At(entry.Key.Span);
                result.Add(new ComposeEntry(key, keyLocation, site ?? keyLocation, Build(entry.Value, site)));
            }
        }

        return result.ToImmutable();
    }

    private static bool HasMergeKey(YamlMapping mapping)
    {
        foreach (var entry in mapping.Entries)
        {
            if (IsMergeKey(entry))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(ImmutableArray<ComposeEntry>.Builder entries, string key)
    {
        // By index: the builder's enumerator is a class, allocated per call.
        for (var i = 0; i < entries.Count; i++)
        {
            if (string.Equals(entries[i].Key, key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMergeKey(YamlMappingEntry entry) =>
        entry.Key is YamlScalar { Value: MergeKey, Style: YamlScalarStyle.Plain };

    private static IEnumerable<YamlNode> MergeSources(YamlNode value)
    {
        // `<<: *a` or `<<: [*a, *b]`; the sequence form is resolved here, the mapping itself in Build.
        if (value.Resolve() is YamlSequence sequence && value is not YamlAlias)
        {
            foreach (var item in sequence.Items)
            {
                if (item.Resolve() is YamlMapping)
                {
                    yield return item;
                }
            }
        }
        else if (value.Resolve() is YamlMapping)
        {
            yield return value;
        }
    }

    private Location At(TextSpan span) => new(text, span);
}
