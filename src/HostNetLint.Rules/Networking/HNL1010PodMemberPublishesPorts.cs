using HostNetLint.Model.Runtime;
using HostNetLint.Model.Workloads;
using HostNetLint.Parsing.Text;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Rules.Networking;

/// <summary>
/// HNL1010: a container in a pod (<c>Pod=</c>, <c>podman run --pod</c>) that publishes its own ports: podman refuses to
/// create it, because the pod owns the network and its ports.
/// </summary>
public sealed class HNL1010PodMemberPublishesPorts : Rule
{
    public static readonly RuleDescriptor Definition = RuleDescriptor.Create(
        "HNL1010",
        "A container in a pod publishes its own ports",
        "Container '{0}' joins pod '{1}' and publishes {2}, which podman refuses (\"published or exposed ports must be defined when the pod is created\"): the container does not start. {3}",
        RuleCategory.Networking,
        Severity.Error,
        "A container in a pod shares the pod's network namespace, so the pod owns the ports: podman refuses to create a member that publishes its own (PublishPort= in a .container with Pod=, -p with podman run --pod). The ports go on the pod, or nowhere when the pod is on the host network.",
        noFixReason: "The pod may be in another file and publishes for every member; whether the port moves there or goes away is the author's choice.",
        runtimeFacts: [RuntimeFacts.PodmanRefusesPortsOfPodMembers, RuntimeFacts.PodmanPodSharesNetwork, RuntimeFacts.QuadletPodUnits]);

    public override RuleDescriptor Descriptor => Definition;

    public override void Analyze(RuleContext context)
    {
        foreach (var workload in context.Model.Workloads)
        {
            // A pod the files do not create may have been made without a shared network (--share, --infra=false); a
            // `--pod new:NAME` pod is made on the spot with podman's defaults, which share it.
            if (workload.Pod is not { } membership || workload.Ports.IsDefaultOrEmpty
                || (membership.Pod is null && !membership.Reference.Text.StartsWith("new:", StringComparison.Ordinal)))
            {
                continue;
            }

            var pod = membership.Pod;
            var podName = pod?.Name ?? membership.Reference.Text["new:".Length..];
            var entries = string.Join(", ", workload.Ports.Select(p => p.Entry.Text));
            var remedy = pod is { IsHostNetwork: true }
                ? "The pod is on the host network, where the process listens on the host's ports directly: remove them."
                : pod?.Kind == WorkloadKind.QuadletPod
                    ? $"Publish them on the pod: PublishPort= in the [Pod] section of {pod.Location.Path}."
                    : "Publish them on the pod: podman pod create -p (or --publish).";
            var first = workload.Ports[0].Entry;
            Location primary = workload.PortsKey ?? first.Location;
            RelatedLocation[] related = pod is null ? [] : [new RelatedLocation(pod.Location, $"pod '{podName}' is created here")];
            context.Report(primary, FindingPath.Of(workload).Then("ports"), [workload.Name, podName, entries, remedy], related);
        }
    }
}
