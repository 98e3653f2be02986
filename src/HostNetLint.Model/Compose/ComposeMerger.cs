using System.Collections.Immutable;
using HostNetLint.Model.Workloads;

namespace HostNetLint.Model.Compose;

/// <summary>
/// Merges a later compose file (or an extending service) over an earlier one with compose's rules:
/// mappings merge, scalars replace, sequences append; <c>ports</c> are de-duplicated, <c>volumes</c> merge by
/// target, <c>environment</c>/<c>labels</c>/<c>extra_hosts</c> by variable or host name; <c>command</c>,
/// <c>entrypoint</c> and <c>healthcheck.test</c> replace. <c>!reset</c> removes and <c>!override</c> replaces.
/// </summary>
internal static class ComposeMerger
{
    private const string ServicePath = "service";

    private static readonly HashSet<string> ReplacedSequences = new(StringComparer.Ordinal)
    {
        "service.command", "service.entrypoint", "service.healthcheck.test",
    };

    private static readonly HashSet<string> KeyedSequences = new(StringComparer.Ordinal)
    {
        "service.environment", "service.labels", "service.extra_hosts", "service.annotations", "service.sysctls", "service.build.args",
    };

    private static readonly HashSet<string> UniqueSequences = new(StringComparer.Ordinal)
    {
        "service.expose", "service.dns", "service.dns_search", "service.env_file", "service.tmpfs", "service.cap_add", "service.cap_drop",
        "service.networks", "service.devices", "service.security_opt", "service.profiles",
    };

    /// <summary>
    /// Merges two whole files (their root mappings). A <c>!reset</c> applies to the file it is written in and to what
    /// came before it, never to a later file: compose-go's loader resets a file's tagged paths in the model merged so
    /// far, drops them from the file, and only then merges the file (loader.go, reset.go). So the resets still
    /// tagged in <paramref name="first"/> are applied before <paramref name="second"/> is merged over it.
    /// </summary>
    public static ComposeMapping MergeFiles(ComposeMapping first, ComposeMapping second) =>
        MergeMappings((ComposeMapping)RemoveResets(first), second, path: string.Empty);

    /// <summary>Merges an extending service over the service it extends; the extended service's own resets are applied first, as for files.</summary>
    public static ComposeMapping MergeServices(ComposeMapping extended, ComposeMapping extending) =>
        MergeMappings((ComposeMapping)RemoveResets(extended), extending, ServicePath);

    /// <summary>
    /// Drops entries still tagged <c>!reset</c> (nothing was inherited to reset). A node without a reset under it is
    /// returned as it is: nodes are immutable, and copying every file's tree on every merge was most of a merge's cost.
    /// </summary>
    public static ComposeNode RemoveResets(ComposeNode node)
    {
        switch (node)
        {
            case ComposeMapping mapping:
                ImmutableArray<ComposeEntry>.Builder? entries = null;
                for (var i = 0; i < mapping.Entries.Length; i++)
                {
                    var entry = mapping.Entries[i];
                    var value = entry.Value.IsReset ? null : RemoveResets(entry.Value);
                    if (entries is null && !ReferenceEquals(value, entry.Value))
                    {
                        entries = ImmutableArray.CreateBuilder<ComposeEntry>(mapping.Entries.Length);
                        entries.AddRange(mapping.Entries, i);
                    }

                    if (entries is not null && value is not null)
                    {
                        entries.Add(ReferenceEquals(value, entry.Value) ? entry : entry with { Value = value });
                    }
                }

                return entries is null ? mapping : mapping.WithEntries(entries.ToImmutable());
            case ComposeSequence sequence:
                ImmutableArray<ComposeNode>.Builder? items = null;
                for (var i = 0; i < sequence.Items.Length; i++)
                {
                    var item = sequence.Items[i];
                    var kept = item.IsReset ? null : RemoveResets(item);
                    if (items is null && !ReferenceEquals(kept, item))
                    {
                        items = ImmutableArray.CreateBuilder<ComposeNode>(sequence.Items.Length);
                        items.AddRange(sequence.Items, i);
                    }

                    if (items is not null && kept is not null)
                    {
                        items.Add(kept);
                    }
                }

                return items is null ? sequence : sequence.WithItems(items.ToImmutable());
            default:
                return node;
        }
    }

    private static ComposeNode Merge(ComposeNode first, ComposeNode second, string path)
    {
        if (second.IsOverride)
        {
            return second.WithoutTag();
        }

        return (first, second) switch
        {
            (ComposeMapping a, ComposeMapping b) => MergeMappings(a, b, path),
            (ComposeSequence a, ComposeSequence b) => MergeSequences(a, b, path),
            (ComposeMapping a, ComposeSequence b) when KeyedSequences.Contains(path) => MergeKeyed(AsSequence(a), b),
            (ComposeSequence a, ComposeMapping b) when KeyedSequences.Contains(path) => MergeKeyed(a, AsSequence(b)),
            (ComposeMapping a, ComposeSequence b) when path == "service.networks" => MergeMappings(a, AsMapping(b), path),
            (ComposeSequence a, ComposeMapping b) when path == "service.networks" => MergeMappings(AsMapping(a), b, path),
            _ => second,
        };
    }

    private static ComposeMapping MergeMappings(ComposeMapping first, ComposeMapping second, string path)
    {
        // Removed entries become null until the end, so positions stay valid and each key is found by index, not by a
        // scan. A list turned mapping may repeat a name: each key keeps its entries' positions in order.
        var entries = new List<ComposeEntry?>(first.Entries.Length + second.Entries.Length);
        var positions = new Dictionary<string, Queue<int>>(StringComparer.Ordinal);
        foreach (var entry in first.Entries)
        {
            PositionsOf(positions, entry.Key).Enqueue(entries.Count);
            entries.Add(entry);
        }

        foreach (var entry in second.Entries)
        {
            var same = PositionsOf(positions, entry.Key);
            var index = same.Count > 0 ? same.Peek() : -1;
            if (entry.Value.IsReset)
            {
                if (index >= 0)
                {
                    entries[index] = null;
                    same.Dequeue();
                }

                continue;
            }

            if (index < 0)
            {
                same.Enqueue(entries.Count);
                entries.Add(entry);
                continue;
            }

            // The key keeps the place (and location) where it was first defined.
            var childPath = path == "services" ? ServicePath : path.Length == 0 ? entry.Key : path + "." + entry.Key;
            entries[index] = entries[index]! with { Value = Merge(entries[index]!.Value, entry.Value, childPath) };
        }

        return first.WithEntries([.. entries.OfType<ComposeEntry>()]);
    }

    private static ComposeSequence MergeSequences(ComposeSequence first, ComposeSequence second, string path)
    {
        if (ReplacedSequences.Contains(path))
        {
            return second;
        }

        if (KeyedSequences.Contains(path))
        {
            return MergeKeyed(first, second);
        }

        if (path == "service.volumes")
        {
            return MergeByKey(first, second, VolumeTarget);
        }

        if (path == "service.ports")
        {
            return MergeByKey(first, second, PortKey);
        }

        if (UniqueSequences.Contains(path))
        {
            var items = first.Items.ToList();
            var values = first.Items.OfType<ComposeScalar>().Select(s => s.Value).ToHashSet(StringComparer.Ordinal);
            foreach (var item in second.Items)
            {
                if (item is not ComposeScalar scalar || values.Add(scalar.Value))
                {
                    items.Add(item);
                }
            }

            return first.WithItems([.. items]);
        }

        return first.WithItems(first.Items.AddRange(second.Items));
    }

    private static ComposeSequence MergeKeyed(ComposeSequence first, ComposeSequence second) => MergeByKey(first, second, EntryName);

    private static ComposeSequence MergeByKey(ComposeSequence first, ComposeSequence second, Func<ComposeNode, string?> keyOf)
    {
        // Each key is computed once. An earlier file may repeat a key: the first item still there is the one a later
        // item replaces or removes, so each key keeps its items' positions in order; removed items become null.
        var items = new List<ComposeNode?>(first.Items.Length + second.Items.Length);
        var positions = new Dictionary<string, Queue<int>>(StringComparer.Ordinal);
        foreach (var item in first.Items)
        {
            if (keyOf(item) is { } key)
            {
                PositionsOf(positions, key).Enqueue(items.Count);
            }

            items.Add(item);
        }

        foreach (var item in second.Items)
        {
            var key = keyOf(item);
            var same = key is null ? null : positions.GetValueOrDefault(key);
            var index = same is { Count: > 0 } ? same.Peek() : -1;
            if (item is ComposeMapping { Entries: [{ Value.IsReset: true }] })
            {
                // `FOO: !reset null` in a mapping-form environment removes that one variable.
                if (index >= 0)
                {
                    items[index] = null;
                    same!.Dequeue();
                }
            }
            else if (index >= 0)
            {
                items[index] = item;
            }
            else
            {
                if (key is not null)
                {
                    PositionsOf(positions, key).Enqueue(items.Count);
                }

                items.Add(item);
            }
        }

        return first.WithItems([.. items.OfType<ComposeNode>()]);
    }

    private static Queue<int> PositionsOf(Dictionary<string, Queue<int>> positions, string key)
    {
        if (!positions.TryGetValue(key, out var queue))
        {
            queue = new Queue<int>();
            positions.Add(key, queue);
        }

        return queue;
    }

    /// <summary>The name of an <c>environment</c>/<c>labels</c>/<c>extra_hosts</c> item: <c>K</c> of <c>K=V</c>, <c>host</c> of <c>host:ip</c>.</summary>
    internal static string? EntryName(ComposeNode item) => item switch
    {
        ComposeScalar scalar => scalar.Value.Split('=', ':')[0].Trim(),
        ComposeMapping { Entries.Length: 1 } mapping => mapping.Entries[0].Key,
        _ => null,
    };

    /// <summary>A <c>ports</c> item's unique key: address, published range, target range and protocol.</summary>
    internal static string? PortKey(ComposeNode item)
    {
        PortSpec spec;
        if (item is ComposeScalar scalar)
        {
            spec = PortSyntax.ParseShort(scalar.Text);
        }
        else if (item is ComposeMapping mapping)
        {
            var (hostStart, hostEnd) = PortSyntax.ParseRange((mapping["published"] as ComposeScalar)?.Text ?? string.Empty);
            var (containerStart, containerEnd) = PortSyntax.ParseRange((mapping["target"] as ComposeScalar)?.Text ?? string.Empty);
            var protocol = PortSyntax.ParseProtocol((mapping["protocol"] as ComposeScalar)?.Text ?? "tcp");
            var hostIp = (mapping["host_ip"] as ComposeScalar)?.Text;
            spec = new PortSpec(string.IsNullOrEmpty(hostIp) ? null : hostIp, hostStart, hostEnd, containerStart, containerEnd, protocol);
        }
        else
        {
            return null;
        }

        // A malformed entry has no key and is simply appended.
        return spec.ContainerPortStart is null
            ? null
            : $"{spec.HostIp}|{spec.HostPortStart}-{spec.HostPortEnd}|{spec.ContainerPortStart}-{spec.ContainerPortEnd}|{spec.Protocol}";
    }

    /// <summary>The container path of a <c>volumes</c> item, the key compose merges volumes by.</summary>
    internal static string? VolumeTarget(ComposeNode item)
    {
        if (item is ComposeMapping mapping)
        {
            return (mapping["target"] as ComposeScalar)?.Text;
        }

        if (item is ComposeScalar scalar)
        {
            var parts = VolumeSyntax.Split(scalar.Text);
            return parts.Count >= 2 ? parts[1] : parts[0];
        }

        return null;
    }

    /// <summary>Splits at <paramref name="separator"/> except inside <c>${...}</c>, whose defaults may contain it.</summary>
    internal static List<string> SplitOutsideReferences(string text, char separator)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                depth++;
                i++;
            }
            else if (text[i] == '}' && depth > 0)
            {
                depth--;
            }
            else if (text[i] == separator && depth == 0)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }

    /// <summary>Mapping form as a sequence of one-entry mappings, so both forms can be merged item by item.</summary>
    private static ComposeSequence AsSequence(ComposeMapping mapping) =>
        new([.. mapping.Entries.Select(e => (ComposeNode)new ComposeMapping([e], e.KeyLocation, e.KeySite, null, e.Value.Interpolator))], mapping.Location, mapping.Site, mapping.Tag, mapping.Interpolator);

    /// <summary><c>networks</c> list form as a mapping of names to null.</summary>
    private static ComposeMapping AsMapping(ComposeSequence sequence)
    {
        var entries = ImmutableArray.CreateBuilder<ComposeEntry>();
        foreach (var item in sequence.Items)
        {
            if (item is ComposeScalar scalar)
            {
                var empty = new ComposeScalar(string.Empty, Parsing.Yaml.YamlScalarStyle.Plain, isNull: true, scalar.Location, scalar.Site, null, scalar.Interpolator);
                entries.Add(new ComposeEntry(scalar.Value, scalar.Location, scalar.Site, empty));
            }
        }

        return new ComposeMapping(entries.ToImmutable(), sequence.Location, sequence.Site, sequence.Tag, sequence.Interpolator);
    }
}
