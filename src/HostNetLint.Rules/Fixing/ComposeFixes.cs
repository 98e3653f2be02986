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
/// <param name="What">The key as the reason names it, such as <c>networks:</c>.</param>
/// <param name="KeyOf">Where a service's effective key is written (<see cref="Workload.NetworksKey"/>), or null.</param>
/// <param name="NeedsSameFix">True when the service must lose the key too.</param>
/// <param name="FindingOf">The finding the removal changes for that service, or null when it has none.</param>
/// <param name="WhyKept">Why a service that does not need the change keeps the key, for the reason (e.g. "(it is not on the host network)").</param>
public sealed record SharedKey(string What, Func<Workload, Location?> KeyOf, Func<Workload, bool> NeedsSameFix, Func<Workload, FindingKey?> FindingOf, string WhyKept);

/// <summary>
/// Finds where in the compose YAML a fix for a workload belongs: its own service mapping, or an extension anchor
/// (<c>x-airflow-common</c>) when every service that anchor's entry is in effect for needs the same change, because an
/// edit to shared text changes every service that merges it. The other services' findings the edit changes too are
/// named on the fix (<see cref="CodeFix.AlsoChanges"/>), so a suppressed one is never fixed as a side effect.
/// </summary>
public static class ComposeFixes
{
    /// <summary>A fix that removes the entry whose key is at <paramref name="key"/> (see <see cref="AddRemoval"/>), or why there is none.</summary>
    public static FixOffer RemoveEntryFix(ComposeLayout layout, Workload workload, Location key, SharedKey shared, string title, string equivalenceKey)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(key);
        var edits = new List<TextEdit>();
        var also = new List<FindingKey>();
        return AddRemoval(layout, workload, key, shared, [workload], edits, also) is { } reason
            ? FixOffer.None(reason)
            : ToFix(title, equivalenceKey, key.Source, edits, also);
    }

    /// <summary>
    /// Adds to <paramref name="edits"/> the removal of the entry whose key is at <paramref name="key"/>, which
    /// <paramref name="workload"/> has in effect: from the service's own mapping, or from an extension anchor the service
    /// merges, when every other service the entry is in effect for is in <paramref name="changing"/> or
    /// <see cref="SharedKey.NeedsSameFix"/> (their findings go to <paramref name="also"/>). An anchor that holds nothing
    /// else is left as it is and its <c>&lt;&lt;: *anchor</c> lines are removed instead (an empty anchor would merge null).
    /// Returns null when done, else why it cannot be done.
    /// </summary>
    public static string? AddRemoval(ComposeLayout layout, Workload workload, Location key, SharedKey shared, IReadOnlyCollection<Workload> changing, List<TextEdit> edits, List<FindingKey> also)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(shared);
        ArgumentNullException.ThrowIfNull(changing);
        ArgumentNullException.ThrowIfNull(edits);
        ArgumentNullException.ThrowIfNull(also);
        var text = key.Source;
        if (!ReferenceEquals(text, workload.Location.Source) || layout.Tree(text) is not { } tree || YamlNavigation.FindEntryByKey(tree, key.Span.Start) is not { } found)
        {
            return $"'{workload.Name}' gets {shared.What} from {FixReasons.Where(key)}, in another file (through extends or include), which this fix does not edit";
        }

        if (ReferenceEquals(found.Mapping, layout.Service(workload)))
        {
            return Add(edits, YamlEdits.RemoveEntry(text, found.Mapping, found.Index), $"{shared.What} of '{workload.Name}' shares a line with other YAML, so it cannot be removed line by line");
        }

        if (YamlNavigation.FindExtensionContaining(tree, key.Span) is not { } extension
            || !ReferenceEquals(extension.Value.Resolve(), found.Mapping)
            || !layout.Merges(workload, found.Mapping))
        {
            return $"'{workload.Name}' gets {shared.What} from {FixReasons.Where(key)} through extends or a nested merge, which this fix does not edit; remove it there, or give '{workload.Name}' a definition of its own";
        }

        var anchor = $"'{extension.KeyText}' ({FixReasons.Where(new Location(text, extension.Key.Span))})";
        var mergers = layout.Mergers(found.Mapping);
        foreach (var other in mergers)
        {
            if (changing.Contains(other) || shared.KeyOf(other) != key)
            {
                // Changed by this fix anyway, or the anchor's entry is not in effect for it (its own key wins).
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

        if (found.Mapping.Entries.Length >= 2)
        {
            return Add(edits, YamlEdits.RemoveEntry(text, found.Mapping, found.Index), $"{shared.What} in the anchor {anchor} shares a line with other YAML, so it cannot be removed line by line");
        }

        // The anchor holds only this key: merging it adds nothing else, so each service stops merging it.
        foreach (var other in mergers)
        {
            var service = layout.Service(other)!;
            var index = YamlNavigation.SingleMergeOf(service, found.Mapping);
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
