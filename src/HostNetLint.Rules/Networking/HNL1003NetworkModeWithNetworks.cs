using HostNetLint.Model.Runtime;
using HostNetLint.Model.Workloads;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;
using HostNetLint.Rules.Fixing;

namespace HostNetLint.Rules.Networking;

/// <summary>HNL1003: compose and podman-compose reject a service that sets both network_mode and networks.</summary>
public sealed class HNL1003NetworkModeWithNetworks : Rule
{
    public static readonly RuleDescriptor Definition = RuleDescriptor.Create(
        "HNL1003",
        "network_mode cannot be combined with networks",
        "Service '{0}' sets both network_mode ({1}) and networks. Compose rejects the file; remove networks:.",
        RuleCategory.Networking,
        Severity.Error,
        "network_mode replaces the service's network attachments, so the compose specification forbids networks alongside it; docker compose and podman-compose both refuse to start such a service.",
        runtimeFacts: [RuntimeFacts.ComposeRefusesModeWithNetworks, RuntimeFacts.PodmanComposeRefusesModeWithNetworks]);

    public override RuleDescriptor Descriptor => Definition;

    public override void Analyze(RuleContext context)
    {
        foreach (var workload in context.Model.Workloads)
        {
            if (workload.Kind != WorkloadKind.ComposeService || workload.NetworkMode is not { } mode || workload.NetworksKey is not { } networksKey)
            {
                continue;
            }

            Func<CodeFix?> fix = () => MustUseHostNetwork(workload)
                ? ComposeFixes.RemoveEntryFix(context.Model, workload, networksKey, MustUseHostNetwork, "Remove networks:", "HNL1003.RemoveNetworks")
                : null;
            context.Report(networksKey, FindingPath.Of(workload).Then("networks"), [workload.Name, mode.Text], fix, new RelatedLocation(mode.Location, "network_mode is set here"));
        }
    }

    /// <summary>
    /// Only then is dropping networks: certainly right; with another network_mode the user may have meant the
    /// networks and the mode is the mistake. (A VM-facing service on another mode gets host from HNL1001's fix first.)
    /// </summary>
    private static bool MustUseHostNetwork(Workload workload) => workload.NetworkMode?.Text == "host";
}
