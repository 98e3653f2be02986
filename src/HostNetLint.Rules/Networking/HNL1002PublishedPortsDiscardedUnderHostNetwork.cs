using HostNetLint.Model.Runtime;
using HostNetLint.Parsing.Text;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;
using HostNetLint.Rules.Fixing;

namespace HostNetLint.Rules.Networking;

/// <summary>HNL1002: Docker and Podman drop <c>ports:</c> on the host network ("Published ports are discarded").</summary>
public sealed class HNL1002PublishedPortsDiscardedUnderHostNetwork : Rule
{
    public static readonly RuleDescriptor Definition = RuleDescriptor.Create(
        "HNL1002",
        "Published ports are discarded under host networking",
        "Published ports of '{0}' are discarded because it uses host networking. The process listens on the host directly ({1}); remove the published ports.",
        RuleCategory.Networking,
        Severity.Warning,
        "With host networking the container shares the host's ports, so port publishing has no effect: Docker and Podman only warn, and the compose specification calls it an error. The ports: entry misleads readers about what is exposed.",
        runtimeFacts: [RuntimeFacts.PodmanPodSharesNetwork, RuntimeFacts.PodmanRefusesPortsOfPodMembers, RuntimeFacts.QuadletPodUnits]);

    public override RuleDescriptor Descriptor => Definition;

    public override void Analyze(RuleContext context)
    {
        foreach (var workload in context.Model.Workloads)
        {
            // A workload that joins another's namespace (service:, container:, a pod) cannot publish ports at all:
            // Docker refuses them ("conflicting options: port publishing and the container type network mode")
            // rather than discarding them, so this rule's explanation would be wrong there.
            if (workload.Namespace is not { IsHost: true, IsJoined: false } || workload.Ports.IsDefaultOrEmpty)
            {
                continue;
            }

            var entries = string.Join(", ", workload.Ports.Select(p => p.Entry.Text));
            var first = workload.Ports[0].Entry;
            Location primary = workload.PortsKey ?? first.Location;
            RelatedLocation[] related = [];
            if (first.IsInherited)
            {
                primary = workload.Location;
                related = [new RelatedLocation(workload.PortsKey ?? first.Location, "ports: written here"), new RelatedLocation(first.Site, $"merged into '{workload.Name}' here")];
            }

            context.Report(primary, FindingPath.Of(workload).Then("ports"), [workload.Name, entries], () => CreateFix(context, workload), related);
        }
    }

    /// <summary>
    /// Removes the <c>ports:</c> entry. When it sits in an extension anchor, only if every service merging
    /// the anchor is on the host network too (else the edit would drop ports another service needs).
    /// </summary>
    private static CodeFix? CreateFix(RuleContext context, Model.Workloads.Workload workload) =>
        workload.Kind != Model.Workloads.WorkloadKind.ComposeService ? UnitFixes.RemovePublishedPorts(workload)
        : workload.PortsKey is { } key
            ? ComposeFixes.RemoveEntryFix(context.Model, workload, key, w => w.IsHostNetwork, "Remove ports:", "HNL1002.RemovePorts")
            : null;
}
