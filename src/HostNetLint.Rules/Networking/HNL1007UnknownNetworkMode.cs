using HostNetLint.Model.Runtime;
using HostNetLint.Model.Workloads;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Rules.Networking;

/// <summary>HNL1007: a network_mode compose or podman-compose cannot start, or a service: reference to nothing.</summary>
public sealed class HNL1007UnknownNetworkMode : Rule
{
    public static readonly RuleDescriptor Definition = RuleDescriptor.Create(
        "HNL1007",
        "network_mode names an unknown service or an unsupported mode",
        "Service '{0}' has network_mode '{1}': {2}.",
        RuleCategory.Networking,
        Severity.Error,
        "Compose accepts none, host, bridge, service:NAME and container:NAME (Podman adds slirp4netns, pasta, private and ns:PATH); anything else, or service:NAME for a service the project does not define, fails when the stack starts.",
        noFixReason: "The intended mode or service cannot be inferred.",
        runtimeFacts:
        [
            RuntimeFacts.PodmanNetworkModes,
            RuntimeFacts.PodmanComposePodmanNetworkModes,
            RuntimeFacts.PodmanComposeUnknownModeIsFatal,
            RuntimeFacts.PodmanComposePassesNetworkModeVerbatim,
            RuntimeFacts.PodmanComposeIgnoresNone,
        ]);

    public override RuleDescriptor Descriptor => Definition;

    public override void Analyze(RuleContext context)
    {
        var services = context.Model.Workloads.Select(w => (w.GroupName, w.Name)).ToHashSet();
        foreach (var workload in context.Model.Workloads)
        {
            // Podman's --network and quadlets' Network= also name user-defined networks; only compose has a closed set.
            if (workload.Kind != WorkloadKind.ComposeService || workload.NetworkMode is not { } mode)
            {
                continue;
            }

            var text = mode.Text.Trim();

            // A value that interpolates to nothing depends on the environment at start-up; we cannot judge it.
            if (text.Length == 0 && mode.Raw.Contains('$', StringComparison.Ordinal))
            {
                continue;
            }

            var problem = NetworkModes.ComposeRefusal(text, workload.Name, target => services.Contains((workload.GroupName, target)));
            if (problem is not null)
            {
                context.Report(mode.Location, FindingPath.Of(workload).Then("network_mode"), [workload.Name, text, problem]);
            }
        }
    }
}
