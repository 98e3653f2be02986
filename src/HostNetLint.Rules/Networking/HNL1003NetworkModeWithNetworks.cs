using HostNetLint.Model.Workloads;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;

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
        "network_mode replaces the service's network attachments, so the compose specification forbids networks alongside it; docker compose and podman-compose both refuse to start such a service.");

    public override RuleDescriptor Descriptor => Definition;

    public override void Analyze(RuleContext context)
    {
        foreach (var workload in context.Model.Workloads)
        {
            if (workload.Kind != WorkloadKind.ComposeService || workload.NetworkMode is not { } mode || workload.NetworksKey is not { } networksKey)
            {
                continue;
            }

            context.Report(networksKey, $"{workload.GroupName}/{workload.Name}/networks", [workload.Name, mode.Text], new RelatedLocation(mode.Location, "network_mode is set here"));
        }
    }
}
