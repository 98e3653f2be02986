using HostNetLint.Model.Units;
using HostNetLint.Model.Workloads;
using HostNetLint.Parsing.Systemd;
using HostNetLint.Parsing.Text;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Rules.Fixing;

/// <summary>Fixes for systemd units and quadlets, built from their syntax: [Unit] lists, quadlet keys, <c>podman run</c> lines.</summary>
public static class UnitFixes
{
    /// <summary>The edit that adds <paramref name="value"/> to the unit's [Unit] <paramref name="key"/>= list (see <see cref="UnitEdits.AddToSectionList"/>).</summary>
    public static (SourceText Document, TextEdit Edit)? AddToUnitList(ServiceUnit unit, string key, string value)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (!unit.Document.IsAnalyzable || !unit.Definition.Main.IsComplete)
        {
            return null;
        }

        // The last line wins across drop-ins too: that is where a reader looks for the effective list.
        var last = unit.Definition.GetSection("Unit")?.Entries.LastOrDefault(e => e.Key == key);
        if (last is not null && UnitEdits.AppendToList(last, value) is { } append)
        {
            return (last.Source, append);
        }

        return UnitEdits.AddToSectionList(unit.Definition.Main, "Unit", key, value) is { } edit ? (unit.Definition.Main.Text, edit) : null;
    }

    /// <summary>Why <see cref="AddToUnitList"/> found no edit: the only case is a unit whose files do not parse completely.</summary>
    public const string IncompleteUnit = "the unit does not parse completely, so where a line may go is a guess";

    /// <summary>A fix of one edit in one file, or no fix because the unit does not parse completely.</summary>
    public static FixOffer ToFix((SourceText Document, TextEdit Edit)? edit, string title, string equivalenceKey) =>
        edit is { } e ? FixOffer.Of(new CodeFix(title, equivalenceKey, e.Document, [e.Edit])) : FixOffer.None(IncompleteUnit);

    /// <summary>
    /// Host networking for a quadlet (<c>Network=host</c> in its [Container], [Pod] or [Kube] section), a <c>podman run</c>
    /// or a <c>podman pod create</c> Exec line (<c>--network=host</c> after the subcommand); null for other workloads or
    /// when the file does not allow a safe edit.
    /// </summary>
    public static FixOffer HostNetwork(Workload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var text = workload.Location.Source;
        var syntax = UnitFileSyntax.Parse(text, UnitFileSyntax.DialectFor(text.Path));
        if (!syntax.IsComplete)
        {
            return FixOffer.None(IncompleteUnit);
        }

        TextEdit? edit = null;
        var reason = $"'{workload.Name}' is not a workload this fix can edit";
        switch (workload.Kind)
        {
            case WorkloadKind.QuadletContainer or WorkloadKind.QuadletPod:
                var section = QuadletSection(workload);
                var networks = syntax.Sections.Where(s => s.Name == section).SelectMany(s => s.Entries).Where(e => e.Key == "Network").ToList();
                edit = networks.Count switch
                {
                    0 => UnitEdits.AddToSectionList(syntax, section, "Network", "host"),
                    1 when !networks[0].IsEmptyAssignment => new TextEdit(networks[0].ValueSpan, "host"),
                    _ => null,
                };
                reason = $"[{section}] has several Network= lines (or an empty one that resets them); which ones to keep is a choice: set Network=host by hand";
                break;
            case WorkloadKind.PodmanRun or WorkloadKind.PodmanPod:
                edit = ExecCommandAt(syntax, workload.Location.Span) is { } command ? UnitEdits.AddPodmanHostNetwork(command) : null;
                reason = "the podman command already names a network (--network or --net), or has no run/create word to add --network=host after; change it by hand";
                break;
        }

        return edit is { } e ? FixOffer.Of(new CodeFix("Use the host network", "HNL1001.NetworkModeHost", text, [e])) : FixOffer.None(reason);
    }

    /// <summary>The section a quadlet workload is read from (<c>Container</c>, <c>Pod</c>, <c>Kube</c>): its location is the section header.</summary>
    public static string QuadletSection(Workload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return workload.Location.Source.ToString(workload.Location.Span).Trim('[', ']');
    }

    /// <summary>Removes <c>PublishPort=</c> lines of a quadlet or <c>-p</c> flags of a <c>podman run</c> line.</summary>
    public static FixOffer RemovePublishedPorts(Workload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var text = workload.Location.Source;
        var syntax = UnitFileSyntax.Parse(text, UnitFileSyntax.DialectFor(text.Path));
        if (!syntax.IsComplete)
        {
            return FixOffer.None(IncompleteUnit);
        }

        List<TextEdit> edits = workload.Kind switch
        {
            WorkloadKind.QuadletContainer or WorkloadKind.QuadletPod =>
                [.. syntax.Sections.Where(s => s.Name is "Container" or "Pod").SelectMany(s => s.Entries).Where(e => e.Key == "PublishPort").Select(UnitEdits.RemoveEntry)],
            WorkloadKind.PodmanRun when ExecCommandAt(syntax, workload.Location.Span) is { } command => [.. UnitEdits.RemovePodmanPublishFlags(text, command)],
            _ => [],
        };
        return edits.Count == 0
            ? FixOffer.None("the published ports are not PublishPort= lines or -p/--publish flags before the image, which is all this fix removes")
            : FixOffer.Of(new CodeFix("Remove the published ports", "HNL1002.RemovePorts", text, [.. edits]));
    }

    /// <summary>The command of the Exec line that contains <paramref name="span"/>.</summary>
    public static ExecCommand? ExecCommandAt(UnitFileSyntax syntax, TextSpan span)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        var entry = syntax.Sections.SelectMany(s => s.Entries)
            .FirstOrDefault(e => e.Key.StartsWith("Exec", StringComparison.Ordinal) && e.FullSpan.Contains(span.Start));
        return entry is null ? null : ExecCommandLine.Parse(entry).Commands.FirstOrDefault(c => c.Span.Contains(span.Start) || c.Span.End == span.Start) ?? ExecCommandLine.Parse(entry).Command;
    }
}
