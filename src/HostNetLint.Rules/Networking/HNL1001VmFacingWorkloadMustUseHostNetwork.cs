using HostNetLint.Model.Runtime;
using HostNetLint.Model.Workloads;
using HostNetLint.Parsing.Text;
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
        "Workload '{0}' talks to VMs but is not on the host network: it {1} ({2}). Containers on a bridge network cannot reach VMs on libvirt networks; {3}.",
        RuleCategory.Networking,
        Severity.Error,
        "A workload that drives libvirt VMs (libvirt socket, libvirt URI, virsh/kcli, VM network addresses) must share the host's network namespace, because the container bridge has no route to libvirt's networks.",

        // Detecting that a workload drives VMs reads commands, mounts and variables: a heuristic.
        precision: RulePrecision.Medium,
        runtimeFacts:
        [
            RuntimeFacts.PodmanPodSharesNetwork,
            RuntimeFacts.QuadletPodUnits,
            RuntimeFacts.QuadletPodmanArgs,
            RuntimeFacts.PodmanComposeInPodOption,
            RuntimeFacts.PodmanComposeXPodmanInPod,
            RuntimeFacts.PodmanComposeXPodmanPodArgs,
        ]);

    public override RuleDescriptor Descriptor => Definition;

    public override void Analyze(RuleContext context)
    {
        var findings = new List<(Workload Workload, NetworkNamespace Space, VmAccessSignal Signal)>();
        var primaries = new Dictionary<Workload, Location>();
        foreach (var workload in context.Model.Workloads)
        {
            // A namespace the files do not define (an unknown service, container or pod) gets the benefit of the doubt.
            var space = workload.Namespace;
            if (space.Kind == NetworkNamespaceKind.NotHost && VmAccessAnalysis.FindSignal(workload, context.Options) is { } signal)
            {
                findings.Add((workload, space, signal));
                primaries[workload] = Primary(workload, signal);
            }
        }

        FindingKey FindingOf(Workload workload) => FindingKey.At(Definition.Id, primaries[workload], PathOf(workload));

        // A fix changes every workload of the namespace it edits, and every service merging an anchor it edits: it names
        // their findings, so none of them is fixed as a side effect while suppressed (one pass over the findings). Made
        // when the first fix is asked for; the fixes share its caches, so they are made one at a time.
        var fixes = new SharedFixes<HostNetworkFixes>(() => new HostNetworkFixes(
            context.Get(ComposeLayout.Analysis),
            findings.Select(f => f.Workload).ToHashSet(),
            findings.ToLookup(f => f.Space.Owner ?? f.Workload, f => f.Workload),
            FindingOf,
            HNL1003NetworkModeWithNetworks.FindingOf));
        foreach (var (workload, space, signal) in findings)
        {
            var where = EvidenceText.Where(signal.Evidence, workload, context.Model);
            var related = new List<RelatedLocation> { new(signal.Evidence.Location, $"VM access signal: {signal.Description}") };
            if (signal.Evidence.IsInherited)
            {
                related.Add(new RelatedLocation(signal.Evidence.Site, signal.Evidence.Origin == ValueOrigin.EnvFile
                    ? $"read into '{workload.Name}' from the env file here"
                    : $"merged into '{workload.Name}' here"));
            }

            var owner = space.Owner ?? workload;
            if (space.JoinedBy is { } joinedBy)
            {
                related.Add(new RelatedLocation(joinedBy.Location, $"'{workload.Name}' joins the network namespace of '{owner.Name}' here"));
            }

            var primary = primaries[workload];
            context.Report(primary, PathOf(workload), [workload.Name, signal.Description, where, Remedy(workload, space)], () => fixes.Make(f => f.Create(workload, owner, signal, primary)), [.. related]);
        }
    }

    private static FindingPath PathOf(Workload workload) => FindingPath.Of(workload).Then("network_mode");

    /// <summary>
    /// The workload's key in the latest file of its run that brings the signal or sets its network mode (an override's
    /// or a variant's own key for the service), so a finding that a variant causes is reported, and fixed, in the
    /// variant; else its first key. A finding that the base's own run has too stays on the base's key.
    /// </summary>
    private static Location Primary(Workload workload, VmAccessSignal signal)
    {
        var declarations = workload.Declarations;
        for (var i = declarations.Length - 1; i > 0; i--)
        {
            var source = declarations[i].Source;
            if (ReferenceEquals(signal.Evidence.Site.Source, source) || ReferenceEquals(workload.NetworkMode?.Site.Source, source))
            {
                return declarations[i];
            }
        }

        return workload.Location;
    }

    /// <summary>
    /// The remedy in the workload's own language; for a workload that joins another namespace, in the language of
    /// the namespace's owner, since only the owner can choose the network.
    /// </summary>
    private static string Remedy(Workload workload, NetworkNamespace space)
    {
        if (!space.IsJoined || space.Owner is not { } owner)
        {
            return workload.Kind switch
            {
                WorkloadKind.ComposeService => "use network_mode: host",
                WorkloadKind.PodmanRun => "add --network=host to its 'podman run'",
                WorkloadKind.PodmanPod => "add --network=host to its 'podman pod create'",
                _ => $"set Network=host in its [{UnitFixes.QuadletSection(workload)}] section",
            };
        }

        var through = space.JoinedTo is { } first && first != owner ? $" (through '{first.Name}')" : string.Empty;
        var joins = owner.Kind is WorkloadKind.PodmanPod or WorkloadKind.QuadletPod
            ? $"it runs in the pod '{owner.Name}'{through}, which owns its network"
            : $"it shares the network namespace of '{owner.Name}'{through}";
        var remedy = owner.Kind switch
        {
            WorkloadKind.ComposeService => $"use network_mode: host on '{owner.Name}'",
            WorkloadKind.PodmanRun => $"add --network=host to the 'podman run' of '{owner.Name}'",
            WorkloadKind.PodmanPod => $"add --network=host to the 'podman pod create' of '{owner.Name}'",
            _ => $"set Network=host in the [{UnitFixes.QuadletSection(owner)}] section of {owner.Location.Path}",
        };
        return $"{joins}, so {remedy}";
    }
}
