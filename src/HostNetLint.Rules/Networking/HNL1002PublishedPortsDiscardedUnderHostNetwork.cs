using HostNetLint.Model.Runtime;
using HostNetLint.Model.Workloads;
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
        var ports = new SharedKey("ports", w => w.PortsKey, w => w.IsHostNetwork, FindingOf, "(it is not on the host network)");
        foreach (var workload in context.Model.Workloads)
        {
            if (!IsReported(workload))
            {
                continue;
            }

            var entries = string.Join(", ", workload.Ports.Select(p => p.Entry.Text));
            var first = workload.Ports[0].Entry;
            var related = first.IsInherited
                ? new[] { new RelatedLocation(workload.PortsKey ?? first.Location, "ports: written here"), new RelatedLocation(first.Site, $"merged into '{workload.Name}' here") }
                : [];
            context.Report(Primary(workload), PathOf(workload), [workload.Name, entries], () => CreateFix(context.Get(ComposeLayout.Analysis), workload, ports), related);
        }
    }

    /// <summary>The identity of this rule's finding about <paramref name="workload"/>, or null when it has none.</summary>
    public static FindingKey? FindingOf(Workload workload) =>
        IsReported(workload) ? FindingKey.At(Definition.Id, Primary(workload), PathOf(workload)) : null;

    /// <summary>
    /// A workload that joins another's namespace (service:, container:, a pod) cannot publish ports at all: Docker
    /// refuses them ("conflicting options: port publishing and the container type network mode") rather than
    /// discarding them, so this rule's explanation would be wrong there.
    /// </summary>
    private static bool IsReported(Workload workload) => workload.Namespace is { IsHost: true, IsJoined: false } && !workload.Ports.IsDefaultOrEmpty;

    /// <summary>The ports: key; the service key when the ports are merged from elsewhere (the key is then a related location).</summary>
    private static Location Primary(Workload workload)
    {
        var first = workload.Ports[0].Entry;
        return first.IsInherited ? workload.Location : workload.PortsKey ?? first.Location;
    }

    private static FindingPath PathOf(Workload workload) => FindingPath.Of(workload).Then("ports");

    /// <summary>
    /// Removes the <c>ports:</c> entry. When it sits in an extension anchor, only if every service merging
    /// the anchor is on the host network too (else the edit would drop ports another service needs).
    /// </summary>
    private static FixOffer CreateFix(ComposeLayout layout, Workload workload, SharedKey ports) =>
        workload.Kind != WorkloadKind.ComposeService ? UnitFixes.RemovePublishedPorts(workload)
        : workload.PortsKey is not null
            ? ComposeFixes.RemoveEntryFix(layout, workload, ports, "Remove ports:", "HNL1002.RemovePorts")
            : FixOffer.None($"the ports of '{workload.Name}' are not written under a ports: key this fix can find");
}
