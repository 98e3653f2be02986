using HostNetLint.Model.Workloads;
using HostNetLint.Parsing.Text;
using HostNetLint.Parsing.Yaml;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Rules.Fixing;

/// <summary>
/// HNL1001's fix: host networking where the namespace's owner is defined (the workload itself, or the service, container
/// or pod it joins). For compose, <c>network_mode: host</c> goes where it takes effect (YAML's merge key lets a mapping's
/// own keys win over merged ones, and earlier mappings of a merge list over later ones), and the <c>networks:</c> the
/// service has in effect are removed in the same fix, because compose rejects the two together. A fix that edits text
/// other services share names their findings (<see cref="CodeFix.AlsoChanges"/>). Fixes of shared anchors are computed
/// once per anchor, so a file of many services merging one anchor stays linear.
/// </summary>
/// <param name="layout">Where the compose services of this run are written.</param>
/// <param name="pending">The workloads HNL1001 reports (each gets a fix of its own).</param>
/// <param name="pendingByOwner">Those workloads by the owner of the namespace they are in.</param>
/// <param name="findingOf">HNL1001's finding about a workload.</param>
/// <param name="conflictFindingOf">HNL1003's finding about a service with both network_mode and networks:, or null.</param>
public sealed class HostNetworkFixes(
    ComposeLayout layout,
    IReadOnlySet<Workload> pending,
    ILookup<Workload, Workload> pendingByOwner,
    Func<Workload, FindingKey> findingOf,
    Func<Workload, FindingKey?> conflictFindingOf)
{
    private const string EquivalenceKey = "HNL1001.NetworkModeHost";

    private readonly Dictionary<YamlMapping, (FixOffer? Offer, HashSet<Workload> Changing)> anchorFixes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<YamlMapping, FixOffer> groupFixes = new(ReferenceEqualityComparer.Instance);

    /// <summary>The networks: a service may lose here: only when it is on the host network by network_mode: host already (its HNL1003).</summary>
    private SharedKey Networks => new(
        "networks",
        w => w.NetworksKey,
        w => w.NetworkMode is { Text: "host" },
        conflictFindingOf,
        "(it does not get network_mode: host from this fix)");

    /// <summary>
    /// The fixes of <paramref name="workload"/>'s finding, best first, or why there is none. <paramref name="primary"/> is
    /// where the finding is: the workload's key in the file of its run that causes it (a later file's for an override or
    /// a variant).
    /// </summary>
    public FixOffer Create(Workload workload, Workload owner, Analysis.VmAccessSignal signal, Location primary)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(signal);
        if (owner.Kind != WorkloadKind.ComposeService)
        {
            var unit = UnitFixes.HostNetwork(owner);
            List<FindingKey> members = [.. pendingByOwner[owner].Select(findingOf)];
            return unit.Fixes.IsEmpty ? unit : FixOffer.Of([.. unit.Fixes.Select(f => f with { AlsoChanges = [.. members] })]);
        }

        if (layout.Service(owner) is not { } service)
        {
            return FixOffer.None($"'{owner.Name}' is not written as a mapping in a compose file that parses cleanly");
        }

        if (owner == workload && primary != owner.Location)
        {
            return LaterFileFix(owner, primary);
        }

        var own = OwnFix(owner, service);
        return owner == workload && AnchorFix(owner, signal) is { } anchored ? anchored.Then(own) : own;
    }

    /// <summary>
    /// <c>network_mode: host</c> in an extension anchor the service merges, as ADR-0043 did: the anchor its network_mode
    /// comes from, else the one its VM access signal comes from. Only when the anchor's value would be in effect for the
    /// service, and every other service it would be in effect for is VM-facing too; null when no anchor qualifies.
    /// </summary>
    private FixOffer? AnchorFix(Workload service, Analysis.VmAccessSignal signal)
    {
        var text = service.Location.Source;
        if (layout.Tree(text) is not { } tree)
        {
            return null;
        }

        var candidates = new List<(YamlMappingEntry Entry, YamlMapping Mapping)>();
        if (service.NetworkMode is { IsInherited: true } mode && ReferenceEquals(mode.Location.Source, text))
        {
            AddAnchorContaining(tree, mode.Location.Span, service, candidates);
        }

        if (signal.Evidence.IsInherited && ReferenceEquals(signal.Evidence.Location.Source, text))
        {
            AddAnchorContaining(tree, signal.Evidence.Location.Span, service, candidates);
        }

        foreach (var (entry, mapping) in candidates)
        {
            if (!anchorFixes.TryGetValue(mapping, out var cached))
            {
                anchorFixes[mapping] = cached = AnchorFix(text, entry, mapping);
            }

            if (cached.Offer is { Fixes.IsEmpty: false } offer && cached.Changing.Contains(service))
            {
                return offer;
            }
        }

        return null;
    }

    private void AddAnchorContaining(YamlSyntaxTree tree, TextSpan span, Workload service, List<(YamlMappingEntry, YamlMapping)> candidates)
    {
        if (YamlNavigation.FindExtensionContaining(tree, span) is { } entry
            && entry.Value.Resolve() is YamlMapping mapping
            && layout.Merges(service, mapping)
            && !candidates.Exists(c => ReferenceEquals(c.Item2, mapping)))
        {
            candidates.Add((entry, mapping));
        }
    }

    private (FixOffer? Offer, HashSet<Workload> Changing) AnchorFix(SourceText text, YamlMappingEntry entry, YamlMapping anchor)
    {
        var changing = new HashSet<Workload>();
        var index = YamlNavigation.IndexOf(anchor, "network_mode");
        var value = index < 0 ? null : anchor.Entries[index].Value;
        foreach (var merger in layout.Mergers(anchor))
        {
            if (layout.IsInExtends(merger))
            {
                // A change to its text would reach the services of its extends chain as well.
                return (null, changing);
            }

            // The edit reaches it unless its network_mode comes from another file (an override wins) or from its own key
            // or a merge that wins over the anchor (earlier merge-list items win): a later merge-list item does not shield it.
            var effective = merger.NetworkMode;
            var reaches = effective is null
                || (value is not null && ReferenceEquals(effective.Location.Source, text) && value.Span.Contains(effective.Location.Span))
                || (ReferenceEquals(effective.Location.Source, text) && layout.Service(merger) is { } own && !YamlNavigation.IsShadowed(own, anchor, "network_mode"));
            if (!reaches || effective is { Text: "host" })
            {
                continue;
            }

            if (merger.IsHostNetwork || !pending.Contains(merger) || merger.Namespace.IsJoined)
            {
                // It would change although it does not need to (or, on the host network through networks:, be rejected).
                return (null, changing);
            }

            changing.Add(merger);
        }

        if (changing.Count == 0)
        {
            return (null, changing);
        }

        var edit = value is not null ? YamlEdits.ReplaceScalar(value, "host") : YamlEdits.InsertEntry(text, anchor, "network_mode", "host");
        if (edit is null)
        {
            return (null, changing);
        }

        var edits = new List<TextEdit> { edit.Value };
        var also = new List<FindingKey>();
        foreach (var merger in changing)
        {
            also.AddRange(pendingByOwner[merger].Select(findingOf));
        }

        var title = $"Add network_mode: host to '{entry.KeyText}'";
        if (AddNetworksRemoval(changing, edits, also) is { } reason)
        {
            return (FixOffer.None(reason), changing);
        }

        return (ComposeFixes.ToFix(edits.Count > 1 ? title + " and remove networks:" : title, EquivalenceKey, text, edits, also), changing);
    }

    /// <summary>
    /// <c>network_mode: host</c> in the service's own mapping, which wins over every merged value, and its networks:
    /// removed. Networks it merges from an anchor other VM-facing services merge too are removed for all of them at once
    /// (<see cref="GroupFix"/>), each service getting its own network_mode.
    /// </summary>
    private FixOffer OwnFix(Workload service, YamlMapping mapping)
    {
        var text = service.Location.Source;
        if (layout.ExtendedBy(service) is { } extender)
        {
            return FixOffer.None($"'{extender.Name}' extends '{service.Name}', so network_mode: host on '{service.Name}' would put '{extender.Name}' on the host network too; set it on each by hand");
        }

        if (service.NetworksKey is { } key && !IsOwnEntry(service, key) && Anchor(service, key) is { } anchor)
        {
            if (!groupFixes.TryGetValue(anchor, out var group))
            {
                groupFixes[anchor] = group = GroupFix(service, key, anchor);
            }

            return group;
        }

        var edits = new List<TextEdit>();
        var also = new List<FindingKey>(pendingByOwner[service].Select(findingOf));
        if (AddOwnMode(service, mapping, edits) is { } modeReason)
        {
            return FixOffer.None(modeReason);
        }

        if (AddNetworksRemoval([service], edits, also) is { } reason)
        {
            return FixOffer.None(reason);
        }

        var title = $"Add network_mode: host to '{service.Name}'";
        return ComposeFixes.ToFix(edits.Count > 1 ? title + " and remove networks:" : title, EquivalenceKey, text, edits, also);
    }

    /// <summary>
    /// <c>network_mode: host</c> in the service's own mapping in the later file of its run where the finding is (an
    /// override or a variant), whose value wins over the earlier files', and the networks: that mapping holds removed.
    /// Networks the service gets from anywhere else (an earlier file, an anchor, extends) would stay beside the
    /// network_mode, which compose rejects, so then there is no fix.
    /// </summary>
    private FixOffer LaterFileFix(Workload service, Location key)
    {
        var text = key.Source;
        if (layout.Tree(text) is not { } tree || YamlNavigation.FindEntryByKey(tree, key.Span.Start) is not { Entry.Value: YamlMapping mapping })
        {
            return FixOffer.None($"'{service.Name}' is not written as a mapping in {FixReasons.Where(key)}, or that file does not parse cleanly");
        }

        if (layout.ExtendedBy(service) is { } extender)
        {
            return FixOffer.None($"'{extender.Name}' extends '{service.Name}', so network_mode: host on '{service.Name}' would put '{extender.Name}' on the host network too; set it on each by hand");
        }

        var edits = new List<TextEdit>();
        var also = new List<FindingKey>(pendingByOwner[service].Select(findingOf));
        if (AddOwnMode(service, mapping, edits, text) is { } modeReason)
        {
            return FixOffer.None(modeReason);
        }

        if (service.NetworksKey is { } networks)
        {
            var index = YamlNavigation.IndexOf(mapping, "networks");
            if (index < 0 || !ReferenceEquals(networks.Source, text) || mapping.Entries[index].Key.Span != networks.Span
                || YamlNavigation.KeySources(mapping, "networks").Count > 1 || service.Declarations.Any(d => d != key && HasNetworks(d)))
            {
                return FixOffer.None($"'{service.Name}' gets networks: from {FixReasons.Where(networks)} or another file, which an edit of {text.Path} cannot take away, and compose rejects network_mode: host beside networks; set it where the networks are");
            }

            if (YamlEdits.RemoveEntry(text, mapping, index) is not { } removal)
            {
                return FixOffer.None($"networks: of '{service.Name}' shares a line with other YAML, so it cannot be removed line by line");
            }

            edits.Add(removal);
            if (conflictFindingOf(service) is { } conflict)
            {
                also.Add(conflict);
            }
        }

        var title = $"Add network_mode: host to '{service.Name}' in {text.Path}";
        return ComposeFixes.ToFix(edits.Count > 1 ? title + " and remove networks:" : title, EquivalenceKey, text, edits, also);
    }

    /// <summary>True when the service mapping at the key <paramref name="declaration"/> defines networks: (its own or merged).</summary>
    private bool HasNetworks(Location declaration) =>
        layout.Tree(declaration.Source) is not { } tree
        || YamlNavigation.FindEntryByKey(tree, declaration.Span.Start) is not { Entry.Value: YamlMapping mapping }
        || YamlNavigation.KeySources(mapping, "networks").Count > 0;

    /// <summary>
    /// Every service the anchor's networks: are in effect for gets network_mode: host in its own mapping, and the
    /// networks go: offered only when each of them is VM-facing (or on the host network already).
    /// </summary>
    private FixOffer GroupFix(Workload first, Location key, YamlMapping anchor)
    {
        var text = key.Source;
        var changing = new List<Workload>();
        foreach (var merger in layout.Mergers(anchor))
        {
            if (merger.NetworksKey != key || merger.NetworkMode is { Text: "host" })
            {
                continue;
            }

            if (!pending.Contains(merger) || merger.Namespace.IsJoined)
            {
                return FixOffer.None($"networks: comes from an anchor at {FixReasons.Where(key)} that '{merger.Name}' merges too and needs as it is (it is not VM-facing); move networks: out of the anchor into the services that need it");
            }

            if (layout.ExtendedBy(merger) is { } extender)
            {
                return FixOffer.None($"'{extender.Name}' extends '{merger.Name}', so network_mode: host on '{merger.Name}' would put '{extender.Name}' on the host network too; set it on each by hand");
            }

            changing.Add(merger);
        }

        var edits = new List<TextEdit>();
        var also = new List<FindingKey>();
        foreach (var service in changing)
        {
            also.AddRange(pendingByOwner[service].Select(findingOf));
            if (AddOwnMode(service, layout.Service(service)!, edits) is { } reason)
            {
                return FixOffer.None(reason);
            }
        }

        if (AddNetworksRemoval(changing, edits, also) is { } removal)
        {
            return FixOffer.None(removal);
        }

        var names = string.Join(", ", changing.Select(s => $"'{s.Name}'"));
        return ComposeFixes.ToFix($"Add network_mode: host to {names} and remove the networks: they share", EquivalenceKey, text, edits, also);
    }

    /// <summary>
    /// Takes networks: away from every service that gets network_mode: host from the fix (compose rejects the two
    /// together), each anchor once; null when done, else why not.
    /// </summary>
    private string? AddNetworksRemoval(IReadOnlyCollection<Workload> changing, List<TextEdit> edits, List<FindingKey> also)
    {
        var handled = new HashSet<YamlMapping>(ReferenceEqualityComparer.Instance);
        foreach (var service in changing)
        {
            if (ComposeFixes.AddRemoval(layout, service, Networks, changing, edits, also, handled) is { } reason)
            {
                return reason;
            }
        }

        return null;
    }

    /// <summary>
    /// Adds <c>network_mode: host</c> to the service's own mapping in <paramref name="text"/> (its first file unless
    /// named), replacing its own value; null when done, else why not.
    /// </summary>
    private static string? AddOwnMode(Workload service, YamlMapping mapping, List<TextEdit> edits, SourceText? text = null)
    {
        text ??= service.Location.Source;
        var mode = service.NetworkMode;
        if (mode is not null && !IsSetBefore(service, (mode.IsInherited ? mode.Site : mode.Location).Source, text))
        {
            // An override file sets it (or merges it): a value written in this file would lose.
            return $"network_mode of '{service.Name}' is set in {FixReasons.Where(mode.Location)}, in a file that overrides {text.Path}; set it to host there";
        }

        var index = YamlNavigation.IndexOf(mapping, "network_mode");
        var edit = index >= 0 ? YamlEdits.ReplaceScalar(mapping.Entries[index].Value, "host") : YamlEdits.InsertEntry(text, mapping, "network_mode", "host");
        if (edit is null)
        {
            return index >= 0
                ? $"the network_mode value of '{service.Name}' is anchored, tagged or a block scalar, which this fix does not rewrite"
                : $"'{service.Name}' is written so that no line can be added safely (an empty mapping, or a last line shared with other YAML)";
        }

        edits.Add(edit.Value);
        return null;
    }

    /// <summary>True when <paramref name="site"/> is <paramref name="text"/> or a file of the service's run loaded before it (a value there loses to one written in <paramref name="text"/>).</summary>
    private static bool IsSetBefore(Workload service, SourceText site, SourceText text)
    {
        if (ReferenceEquals(site, text))
        {
            return true;
        }

        foreach (var declaration in service.Declarations)
        {
            if (ReferenceEquals(declaration.Source, text))
            {
                return false;
            }

            if (ReferenceEquals(declaration.Source, site))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsOwnEntry(Workload service, Location key) =>
        layout.Tree(key.Source) is { } tree
        && YamlNavigation.FindEntryByKey(tree, key.Span.Start) is { } found
        && ReferenceEquals(found.Mapping, layout.Service(service));

    /// <summary>The extension anchor the service merges directly that holds the key at <paramref name="key"/>, or null.</summary>
    private YamlMapping? Anchor(Workload service, Location key) =>
        ReferenceEquals(key.Source, service.Location.Source)
        && layout.Tree(key.Source) is { } tree
        && YamlNavigation.FindExtensionContaining(tree, key.Span) is { } entry
        && entry.Value.Resolve() is YamlMapping mapping
        && YamlNavigation.FindEntryByKey(tree, key.Span.Start) is { } found
        && ReferenceEquals(found.Mapping, mapping)
        && layout.Merges(service, mapping)
            ? mapping
            : null;
}
