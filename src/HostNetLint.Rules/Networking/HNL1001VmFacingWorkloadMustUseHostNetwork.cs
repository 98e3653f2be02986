using HostNetLint.Model.Workloads;
using HostNetLint.Parsing.Yaml;
using HostNetLint.Rules.Analysis;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;
using HostNetLint.Rules.Fixing;

namespace HostNetLint.Rules.Networking;

/// <summary>HNL1001: containers on a bridge network cannot reach VMs on libvirt networks (ADR-0043).</summary>
public sealed class HNL1001VmFacingWorkloadMustUseHostNetwork : Rule
{
    public static readonly RuleDescriptor Definition = RuleDescriptor.Create(
        "HNL1001",
        "VM-facing workload must use host networking",
        "Workload '{0}' talks to VMs but is not on the host network: it {1} ({2}). Containers on a bridge network cannot reach VMs on libvirt networks; use network_mode: host.",
        RuleCategory.Networking,
        Severity.Error,
        "A workload that drives libvirt VMs (libvirt socket, libvirt URI, virsh/kcli, VM network addresses) must share the host's network namespace, because the container bridge has no route to libvirt's networks.",

        // Detecting that a workload drives VMs reads commands, mounts and variables: a heuristic.
        precision: RulePrecision.Medium);

    public override RuleDescriptor Descriptor => Definition;

    public override void Analyze(RuleContext context)
    {
        var byName = context.Model.Workloads.ToLookup(w => (w.GroupName, w.Name));
        foreach (var workload in context.Model.Workloads)
        {
            if (ReachesHostNetwork(workload, byName) || VmAccessAnalysis.FindSignal(workload, context.Options) is not { } signal)
            {
                continue;
            }

            var where = EvidenceText.Where(signal.Evidence, workload, context.Model);
            var related = new List<RelatedLocation> { new(signal.Evidence.Location, $"VM access signal: {signal.Description}") };
            if (signal.Evidence.IsInherited)
            {
                related.Add(new RelatedLocation(signal.Evidence.Site, $"merged into '{workload.Name}' here"));
            }

            context.Report(workload.Location, FindingPath.Of(workload).Then("network_mode"), [workload.Name, signal.Description, where], CreateFix(context, workload, signal), [.. related]);
        }
    }

    /// <summary>
    /// Sets <c>network_mode: host</c>: in the extension anchor the signal comes from when every service merging
    /// it is VM-facing (as ADR-0043 did), else in the service itself; an existing <c>network_mode</c> written
    /// there has its value replaced instead of getting a duplicate key.
    /// </summary>
    private static CodeFix? CreateFix(RuleContext context, Workload workload, VmAccessSignal signal)
    {
        var model = context.Model;
        if (workload.Kind != WorkloadKind.ComposeService)
        {
            return UnitFixes.HostNetwork(workload);
        }

        if (ComposeFixes.ServiceMapping(model, workload) is not { } service)
        {
            return null;
        }

        var target = service;
        var title = $"Add network_mode: host to '{workload.Name}'";
        if (signal.Evidence.IsInherited
            && ReferenceEquals(signal.Evidence.Location.Source, workload.Location.Source)
            && ComposeFixes.TreeOf(model, workload.Location.Source) is { } tree
            && YamlNavigation.FindExtensionContaining(tree, signal.Evidence.Location.Span) is { } extension
            && extension.Value.Resolve() is YamlMapping anchored
            && YamlNavigation.Merges(service, anchored)
            && service.Find("network_mode") is null
            && ComposeFixes.Merging(model, anchored).All(w => VmAccessAnalysis.FindSignal(w, context.Options) is not null))
        {
            target = anchored;
            title = $"Add network_mode: host to '{extension.KeyText}'";
        }

        var edit = target.Find("network_mode") is { } existing
            ? YamlEdits.ReplaceScalar(existing.Value, "host")
            : YamlEdits.InsertEntry(workload.Location.Source, target, "network_mode", "host");
        return edit is { } e ? new CodeFix(title, "HNL1001.NetworkModeHost", workload.Location.Source, [e]) : null;
    }

    /// <summary>
    /// Host networking directly or through <c>service:NAME</c>. An unknown or <c>container:</c> target is
    /// given the benefit of the doubt (HNL1007 reports unknown services).
    /// </summary>
    private static bool ReachesHostNetwork(Workload workload, ILookup<(string, string), Workload> byName)
    {
        var current = workload;
        for (var hops = 0; hops < 16; hops++)
        {
            if (current.IsHostNetwork)
            {
                return true;
            }

            var mode = current.NetworkMode?.Text ?? string.Empty;
            if (mode.StartsWith("container:", StringComparison.Ordinal))
            {
                return true;
            }

            if (!mode.StartsWith("service:", StringComparison.Ordinal))
            {
                return false;
            }

            var target = byName[(current.GroupName, mode["service:".Length..])].FirstOrDefault();
            if (target is null)
            {
                return true;
            }

            current = target;
        }

        return true;
    }
}
