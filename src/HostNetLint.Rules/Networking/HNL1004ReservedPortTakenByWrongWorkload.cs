using HostNetLint.Model.Workloads;
using HostNetLint.Rules.Analysis;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Rules.Networking;

/// <summary>HNL1004: ADR-0043 reserves 8888 for the webserver and 8889 for the MCP server on the host network.</summary>
public sealed class HNL1004ReservedPortTakenByWrongWorkload : Rule
{
    public static readonly RuleDescriptor Definition = RuleDescriptor.Create(
        "HNL1004",
        "Reserved port is taken by the wrong workload",
        "Port {0} is reserved for {1} but '{2}' {3} ({4}). Move '{2}' to another port or rename the owner in reservedPorts.",
        RuleCategory.Networking,
        Severity.Error,
        "On the host network every workload shares one port space, so the deployment reserves ports for their owners (8888 for the Airflow webserver, 8889 for the MCP server by default). Another workload binding a reserved port makes the owner fail to start.",
        noFixReason: "Which port the workload should use instead is a deployment decision.");

    public override RuleDescriptor Descriptor => Definition;

    public override void Analyze(RuleContext context)
    {
        var reservedByPort = context.Options.ReservedPorts.ToLookup(r => r.Port);
        foreach (var binding in context.Get(PortBindingAnalysis.Shared).All)
        {
            if (binding.Protocol != PortProtocol.Tcp)
            {
                continue;
            }

            foreach (var reserved in reservedByPort[binding.Port])
            {
                if (NameGlob.IsMatchAny(reserved.OwnerGlobs, binding.Workload.Name))
                {
                    continue;
                }

                var (primary, related) = Placement.For(binding.Source, binding.Workload, $"port {reserved.Port} comes from here");
                var where = EvidenceText.Where(binding.Source, binding.Workload, context.Model);
                context.Report(primary, FindingPath.Of(binding.Workload).Then("port", reserved.Port), [reserved.Port, reserved.Purpose, binding.Workload.Name, binding.Claim("it"), where], related);
            }
        }
    }
}
