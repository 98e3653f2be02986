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
        var networks = new SharedKey("networks", w => w.NetworksKey, MustUseHostNetwork, FindingOf, "(its network_mode is not host)");
        foreach (var workload in context.Model.Workloads)
        {
            if (FindingOf(workload) is null)
            {
                continue;
            }

            var (mode, networksKey) = (workload.NetworkMode!, workload.NetworksKey!);
            FixOffer Fix() => MustUseHostNetwork(workload)
                ? ComposeFixes.RemoveEntryFix(context.Get(ComposeLayout.Analysis), workload, networks, "Remove networks:", "HNL1003.RemoveNetworks")
                : FixOffer.None($"network_mode is '{mode.Text}', not host, so either networks: or network_mode may be the mistake; remove the one you did not mean");
            context.Report(networksKey, PathOf(workload), [workload.Name, mode.Text], Fix, new RelatedLocation(mode.Location, "network_mode is set here"));
        }
    }

    /// <summary>The identity of this rule's finding about <paramref name="workload"/>, or null when it has none.</summary>
    public static FindingKey? FindingOf(Workload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return workload.Kind == WorkloadKind.ComposeService && workload.NetworkMode is not null && workload.NetworksKey is { } key
            ? FindingKey.At(Definition.Id, key, PathOf(workload))
            : null;
    }

    private static FindingPath PathOf(Workload workload) => FindingPath.Of(workload).Then("networks");

    /// <summary>
    /// Only then is dropping networks: certainly right; with another network_mode the user may have meant the
    /// networks and the mode is the mistake. (A VM-facing service on another mode gets host, and loses its networks, from HNL1001's fix.)
    /// </summary>
    private static bool MustUseHostNetwork(Workload workload) => workload.NetworkMode?.Text == "host";
}
