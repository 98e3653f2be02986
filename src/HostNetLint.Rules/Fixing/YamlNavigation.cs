using System.Collections.Immutable;
using System.Globalization;
using HostNetLint.Parsing.Text;
using HostNetLint.Parsing.Yaml;

namespace HostNetLint.Rules.Fixing;

/// <summary>Finds nodes of a YAML tree by source position, for fixes that start from a model location.</summary>
public static class YamlNavigation
{
    // Deep enough for any compose file; a guard against pathological nesting, not a limit users meet.
    private const int MaxDepth = 256;

    /// <summary>The mapping entry whose key starts at <paramref name="keyStart"/>, or null. Aliases are not followed.</summary>
    public static YamlEntryRef? FindEntryByKey(YamlSyntaxTree tree, int keyStart)
    {
        ArgumentNullException.ThrowIfNull(tree);
        foreach (var document in tree.Documents)
        {
            if (document.Root is { } root && Find(root, keyStart, 0) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>
    /// The keys (and sequence indices) from the document root down to the key that starts at
    /// <paramref name="keyStart"/>, such as <c>services</c>, <c>web</c>, <c>image</c>; null when no key starts there.
    /// Each level is found by binary search over positions, so many lookups in one wide mapping stay cheap.
    /// </summary>
    public static IReadOnlyList<string>? KeyPath(YamlSyntaxTree tree, int keyStart)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var path = new List<string>();
        foreach (var document in tree.Documents)
        {
            var node = document.Root;
            for (var depth = 0; node is not null && depth <= MaxDepth && node.Span.Start <= keyStart && keyStart <= node.Span.End; depth++)
            {
                if (node is YamlMapping mapping && Before(mapping.Entries, e => e.Key.Span.Start, keyStart) is var i and >= 0)
                {
                    var entry = mapping.Entries[i];
                    path.Add(entry.KeyText ?? "?");
                    if (entry.Key.Span.Start == keyStart)
                    {
                        return path;
                    }

                    node = entry.Value;
                }
                else if (node is YamlSequence sequence && Before(sequence.Items, n => n.Span.Start, keyStart) is var j and >= 0)
                {
                    path.Add(j.ToString(CultureInfo.InvariantCulture));
                    node = sequence.Items[j];
                }
                else
                {
                    break;
                }
            }

            path.Clear();
        }

        return null;
    }

    /// <summary>
    /// The top-level extension entry (<c>x-…</c>) of the first document whose value contains <paramref name="span"/>,
    /// or null when the span lies elsewhere (such as inside a service).
    /// </summary>
    public static YamlMappingEntry? FindExtensionContaining(YamlSyntaxTree tree, TextSpan span)
    {
        ArgumentNullException.ThrowIfNull(tree);
        if (tree.Root is not YamlMapping root)
        {
            return null;
        }

        foreach (var entry in root.Entries)
        {
            if (entry.KeyText is { } key && key.StartsWith("x-", StringComparison.Ordinal) && entry.Value.Span.Contains(span))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="mapping"/> merges <paramref name="target"/> through <c>&lt;&lt;: *alias</c> (directly or in a list).</summary>
    public static bool Merges(YamlMapping mapping, YamlNode target) => MergeSources(mapping).Any(s => ReferenceEquals(s, target));

    /// <summary>
    /// The mappings <paramref name="mapping"/> merges through its own <c>&lt;&lt;</c> entries, in the order they take effect:
    /// YAML's merge key lets the mapping's own keys win, then earlier mappings of a merge list over later ones.
    /// </summary>
    public static IEnumerable<YamlMapping> MergeSources(YamlMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        foreach (var entry in mapping.Entries)
        {
            if (!IsMergeKey(entry))
            {
                continue;
            }

            if (entry.Value.Resolve() is YamlMapping single)
            {
                yield return single;
            }
            else if (entry.Value is YamlSequence sequence)
            {
                foreach (var item in sequence.Items)
                {
                    if (item.Resolve() is YamlMapping merged)
                    {
                        yield return merged;
                    }
                }
            }
        }
    }

    /// <summary>
    /// Every entry that defines <paramref name="key"/> for <paramref name="mapping"/> through YAML merges, in the order they
    /// win: its own entry, then those of the mappings it merges (and those they merge), earlier merge-list items first.
    /// Only the first is in effect; the others take over when it is removed, so a fix that removes the key removes them all.
    /// </summary>
    public static List<YamlEntryRef> KeySources(YamlMapping mapping, string key)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var sources = new List<YamlEntryRef>();
        foreach (var source in InMergeOrder(mapping))
        {
            if (IndexOf(source, key) is var index and >= 0)
            {
                sources.Add(new YamlEntryRef(source, index));
            }
        }

        return sources;
    }

    /// <summary>
    /// Whether a mapping that wins over <paramref name="target"/> in <paramref name="mapping"/>'s merges (its own entries,
    /// or a mapping earlier in the order of <see cref="KeySources"/>) defines <paramref name="key"/>, so that writing the key
    /// into <paramref name="target"/> would not reach <paramref name="mapping"/>. False when <paramref name="target"/> is
    /// reached first, or not merged at all.
    /// </summary>
    public static bool IsShadowed(YamlMapping mapping, YamlMapping target, string key)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(target);
        foreach (var source in InMergeOrder(mapping))
        {
            if (ReferenceEquals(source, target))
            {
                return false;
            }

            if (IndexOf(source, key) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <paramref name="mapping"/> and the mappings it merges, in the order their keys win: itself, then each merge-list
    /// item (earlier first) with what it merges in turn; each mapping once, to <see cref="MaxDepth"/> levels.
    /// </summary>
    private static List<YamlMapping> InMergeOrder(YamlMapping mapping)
    {
        var order = new List<YamlMapping>();
        var visited = new HashSet<YamlMapping>(ReferenceEqualityComparer.Instance);
        AddInMergeOrder(mapping, order, visited, 0);
        return order;
    }

    private static void AddInMergeOrder(YamlMapping mapping, List<YamlMapping> order, HashSet<YamlMapping> visited, int depth)
    {
        if (depth > MaxDepth || !visited.Add(mapping))
        {
            return;
        }

        order.Add(mapping);
        foreach (var source in MergeSources(mapping))
        {
            AddInMergeOrder(source, order, visited, depth + 1);
        }
    }

    /// <summary>The index of the entry <c>&lt;&lt;: *alias</c> of <paramref name="mapping"/> that merges <paramref name="target"/> alone (not in a list), or -1.</summary>
    public static int SingleMergeOf(YamlMapping mapping, YamlNode target)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        for (var i = 0; i < mapping.Entries.Length; i++)
        {
            if (IsMergeKey(mapping.Entries[i]) && mapping.Entries[i].Value is YamlAlias && ReferenceEquals(mapping.Entries[i].Value.Resolve(), target))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The index of the first entry whose scalar key is <paramref name="key"/>, or -1.</summary>
    public static int IndexOf(YamlMapping mapping, string key)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        for (var i = 0; i < mapping.Entries.Length; i++)
        {
            if (mapping.Entries[i].KeyText == key)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsMergeKey(YamlMappingEntry entry) => entry.Key is YamlScalar { Value: "<<", Style: YamlScalarStyle.Plain };

    /// <summary>The index of the last item that starts at or before <paramref name="position"/>, or -1; items are in source order.</summary>
    internal static int Before<T>(ImmutableArray<T> items, Func<T, int> start, int position)
    {
        int low = 0, high = items.Length - 1, found = -1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (start(items[middle]) <= position)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found;
    }

    private static YamlEntryRef? Find(YamlNode node, int keyStart, int depth)
    {
        if (depth > MaxDepth || node.Span.Start > keyStart || node.Span.End < keyStart)
        {
            return null;
        }

        // Entries and items are in source order, so only the last one starting at or before the key can hold it:
        // a binary search keeps one lookup logarithmic, and a fix per service linear over a 50,000-service file.
        switch (node)
        {
            case YamlMapping mapping:
                var e = Before(mapping.Entries, entry => entry.Key.Span.Start, keyStart);
                if (e < 0)
                {
                    return null;
                }

                return mapping.Entries[e].Key.Span.Start == keyStart
                    ? new YamlEntryRef(mapping, e)
                    : Find(mapping.Entries[e].Value, keyStart, depth + 1);
            case YamlSequence sequence:
                var i = Before(sequence.Items, item => item.Span.Start, keyStart);
                return i < 0 ? null : Find(sequence.Items[i], keyStart, depth + 1);
            default:
                return null;
        }
    }
}
