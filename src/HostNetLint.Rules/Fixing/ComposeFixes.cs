using HostNetLint.Model.Workloads;
using HostNetLint.Parsing.Text;
using HostNetLint.Parsing.Yaml;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Rules.Fixing;

/// <summary>
/// What a service gets from a key that may be written in shared text: which of the services merging an anchor that
/// key is in effect for (<see cref="KeyOf"/>), whether each of them needs the same change, and the finding that
/// change resolves for it (named in <see cref="CodeFix.AlsoChanges"/>).
/// </summary>
/// <param name="Name">The key, such as <c>networks</c>.</param>
/// <param name="KeyOf">Where a service's effective key is written (<see cref="Workload.NetworksKey"/>), or null when it has none.</param>
/// <param name="NeedsSameFix">True when the service must lose the key too.</param>
/// <param name="FindingOf">The finding the removal changes for that service, or null when it has none.</param>
/// <param name="WhyKept">Why a service that does not need the change keeps the key, for the reason (e.g. "(it is not on the host network)").</param>
public sealed record SharedKey(string Name, Func<Workload, Location?> KeyOf, Func<Workload, bool> NeedsSameFix, Func<Workload, FindingKey?> FindingOf, string WhyKept)
{
    /// <summary>The key as reasons name it: <c>networks:</c>.</summary>
    public string What => Name + ":";
}

/// <summary>
/// Finds where in the compose YAML a fix for a workload belongs: its own service mapping, or an extension anchor
/// (<c>x-airflow-common</c>) when every service that anchor's entry is in effect for needs the same change, because an
/// edit to shared text changes every service that merges it. The other services' findings the edit changes too are
/// named on the fix (<see cref="CodeFix.AlsoChanges"/>), so a suppressed one is never fixed as a side effect.
/// </summary>
public static class ComposeFixes
{
    /// <summary>A fix that removes the key from the service (see <see cref="AddRemoval"/>), or why there is none.</summary>
    public static FixOffer RemoveEntryFix(ComposeLayout layout, Workload workload, SharedKey shared, string title, string equivalenceKey)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var edits = new List<TextEdit>();
        var also = new List<FindingKey>();
        return AddRemoval(layout, workload, shared, [workload], edits, also) is { } reason
            ? FixOffer.None(reason)
            : ToFix(title, equivalenceKey, workload.Location.Source, edits, also);
    }

    /// <summary>
    /// Adds to <paramref name="edits"/> what takes the key away from <paramref name="workload"/>: every entry that defines
    /// it for the service, the one in effect and those a YAML merge hides behind it (they would take over). Each goes
    /// from the service's own mapping, or from an extension anchor the service merges when every other service the
    /// anchor's entry is in effect for is in <paramref name="changing"/> or <see cref="SharedKey.NeedsSameFix"/> (their
    /// findings go to <paramref name="also"/>). An anchor that holds nothing else stays as it is and its
    /// <c>&lt;&lt;: *anchor</c> lines go instead (an empty anchor would merge null). Services in an <c>extends</c> chain
    /// are left alone: a change to one reaches the others. Anchors in <paramref name="handled"/> are skipped (another
    /// service of the same fix removed the key there already). Returns null when done, else why it cannot be done.
    /// </summary>
    public static string? AddRemoval(
        ComposeLayout layout,
        Workload workload,
        SharedKey shared,
        IReadOnlyCollection<Workload> changing,
        List<TextEdit> edits,
        List<FindingKey> also,
        HashSet<YamlMapping>? handled = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(shared);
        ArgumentNullException.ThrowIfNull(changing);
        ArgumentNullException.ThrowIfNull(edits);
        ArgumentNullException.ThrowIfNull(also);
        var text = workload.Location.Source;
        if (layout.Service(workload) is not { } service || layout.Tree(text) is not { } tree)
        {
            return $"'{workload.Name}' is not written as a mapping in a compose file that parses cleanly";
        }

        var sources = YamlNavigation.KeySources(service, shared.Name);
        var effective = shared.KeyOf(workload);
        if (sources.Count == 0 && effective is null)
        {
            return null;
        }

        if (layout.ExtendedBy(workload) is { } extender)
        {
            return $"'{extender.Name}' extends '{workload.Name}', so removing {shared.What} from '{workload.Name}' would change '{extender.Name}' too; change them by hand";
        }

        if (layout.Extends(workload, out var baseService) && (baseService is null || shared.KeyOf(baseService) is not null))
        {
            var named = baseService is null ? "a service of another file" : $"'{baseService.Name}'";
            return sources.Count == 0
                ? $"'{workload.Name}' gets {shared.What} from {named} through extends, and removing them there would change {named} too; give '{workload.Name}' a definition of its own"
                : $"'{workload.Name}' extends {named}, whose {shared.What} would take over once the service's own are removed; change them by hand";
        }

        if (effective is not null && !sources.Exists(s => s.Entry.Key.Span == effective.Span && ReferenceEquals(effective.Source, text)))
        {
            return $"'{workload.Name}' gets {shared.What} from {FixReasons.Where(effective)}, in another file (an override file or include), which this fix does not edit";
        }

        foreach (var source in sources)
        {
            if (ReferenceEquals(source.Mapping, service))
            {
                if (OtherRunNeedingTheKey(layout, workload, shared, changing, also) is { } other)
                {
                    return $"{text.Path} writes '{workload.Name}' for another run of compose too (the run of {other}), which needs {shared.What} as it is {shared.WhyKept}; move {shared.What} into the file only this run loads";
                }

                if (Add(edits, YamlEdits.RemoveEntry(text, service, source.Index), $"{shared.What} of '{workload.Name}' shares a line with other YAML, so it cannot be removed line by line") is { } own)
                {
                    return own;
                }
            }
            else if (handled?.Contains(source.Mapping) != true
                && AddAnchorRemoval(layout, tree, workload, source, shared, changing, edits, also) is { } reason)
            {
                return reason;
            }

            handled?.Add(source.Mapping);
        }

        return null;
    }

    /// <summary>
    /// The files of another run that writes the service in the same mapping (a variant beside the base, or the base's own
    /// run) when that run's service has the same key in effect and does not need the change; else null, after naming the
    /// findings the change resolves for those runs in <paramref name="also"/>.
    /// </summary>
    private static string? OtherRunNeedingTheKey(ComposeLayout layout, Workload workload, SharedKey shared, IReadOnlyCollection<Workload> changing, List<FindingKey> also)
    {
        foreach (var other in layout.OtherRunsOf(workload))
        {
            if (changing.Contains(other) || shared.KeyOf(other) != shared.KeyOf(workload))
            {
                continue;
            }

            if (!shared.NeedsSameFix(other))
            {
                return string.Join(", ", other.Declarations.Select(d => d.Path).Distinct(StringComparer.Ordinal));
            }

            if (shared.FindingOf(other) is { } finding)
            {
                also.Add(finding);
            }
        }

        return null;
    }

    private static string? AddAnchorRemoval(ComposeLayout layout, YamlSyntaxTree tree, Workload workload, YamlEntryRef source, SharedKey shared, IReadOnlyCollection<Workload> changing, List<TextEdit> edits, List<FindingKey> also)
    {
        var text = tree.Text;
        var keyLocation = new Location(text, source.Entry.Key.Span);
        if (YamlNavigation.FindExtensionContaining(tree, source.Entry.Key.Span) is not { } extension
            || !ReferenceEquals(extension.Value.Resolve(), source.Mapping)
            || !layout.Merges(workload, source.Mapping))
        {
            return $"'{workload.Name}' gets {shared.What} from {FixReasons.Where(keyLocation)} through a nested merge, which this fix does not edit; remove it there";
        }

        var anchor = $"'{extension.KeyText}' ({FixReasons.Where(new Location(text, extension.Key.Span))})";
        var mergers = layout.Mergers(source.Mapping);
        foreach (var other in mergers)
        {
            if (changing.Contains(other))
            {
                continue;
            }

            if (layout.IsInExtends(other))
            {
                return $"{shared.What} comes from the anchor {anchor}, which '{other.Name}' merges too, and '{other.Name}' is in an extends chain a change would reach; change them by hand";
            }

            if (shared.KeyOf(other) != keyLocation)
            {
                // The anchor's entry is not in effect for it (its own key, or an earlier merge, wins).
                continue;
            }

            if (!shared.NeedsSameFix(other))
            {
                return $"{shared.What} comes from the anchor {anchor}, which '{other.Name}' merges too and needs as it is {shared.WhyKept}; move {shared.What} out of the anchor into the services that need it";
            }

            if (shared.FindingOf(other) is { } finding)
            {
                also.Add(finding);
            }
        }

        if (source.Mapping.Entries.Length >= 2)
        {
            return Add(edits, YamlEdits.RemoveEntry(text, source.Mapping, source.Index), $"{shared.What} in the anchor {anchor} shares a line with other YAML, so it cannot be removed line by line");
        }

        // The anchor holds only this key: merging it adds nothing else, so each service stops merging it.
        foreach (var other in mergers)
        {
            var service = layout.Service(other)!;
            var index = YamlNavigation.SingleMergeOf(service, source.Mapping);
            var reason = $"the anchor {anchor} holds only {shared.What}, and '{other.Name}' merges it in a list or on one line with other YAML";
            if (index < 0 || Add(edits, YamlEdits.RemoveEntry(text, service, index), reason) is not null)
            {
                return reason;
            }
        }

        return null;
    }

    /// <summary>A fix of the edits, naming the findings they change too; none when two of the edits overlap (a rule bug, never applied).</summary>
    public static FixOffer ToFix(string title, string equivalenceKey, SourceText text, List<TextEdit> edits, List<FindingKey> also)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(edits);
        ArgumentNullException.ThrowIfNull(also);
        var distinct = edits.Distinct().OrderBy(e => e.Span.Start).ToList();
        if (Overlap(distinct))
        {
            return FixOffer.None("the edits this fix needs overlap each other");
        }

        return FixOffer.Of(new CodeFix(title, equivalenceKey, text, [.. distinct]) { AlsoChanges = [.. also.Distinct()] });
    }

    private static string? Add(List<TextEdit> edits, TextEdit? edit, string reasonWithout)
    {
        if (edit is null)
        {
            return reasonWithout;
        }

        edits.Add(edit.Value);
        return null;
    }

    /// <summary>
    /// True when two of the edits (in start order) overlap or start at one position, which apply in an order the engine
    /// does not promise (it drops such a fix). Only the edits are looked at, never the whole text: one fix per finding.
    /// </summary>
    private static bool Overlap(List<TextEdit> ordered)
    {
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Span.Start == ordered[i - 1].Span.Start || ordered[i].Span.Start < ordered[i - 1].Span.End)
            {
                return true;
            }
        }

        return false;
    }
}
