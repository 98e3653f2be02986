using HostNetLint.Model.Workloads;
using HostNetLint.Rules.Analysis;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Rules.Networking;

/// <summary>HNL1005: two workloads on one host cannot bind the same port, protocol and address.</summary>
public sealed class HNL1005HostPortClash : Rule
{
    public static readonly RuleDescriptor Definition = RuleDescriptor.Create(
        "HNL1005",
        "Two workloads bind the same host port",
        "Workload '{0}' {1} host port {2}/{3}, which '{4}' already binds ({5}). Only one of them can start.",
        RuleCategory.Networking,
        Severity.Error,
        "Host-network workloads bind host ports directly and bridge workloads bind the host side of their published ports; two of them on the same port, protocol and address make the second fail with 'address already in use'.",
        noFixReason: "Which workload should move, and to which port, is a deployment decision.");

    public override RuleDescriptor Descriptor => Definition;

    /// <summary>
    /// Workloads of one compose project start together. Across projects a repository may describe
    /// several hosts, so only a host-network workload, which always binds the host itself, is taken
    /// to clash with another project's ports.
    /// </summary>
    private static bool AreStartedTogether(PortBinding first, PortBinding second, IReadOnlyDictionary<Workload, object> groupOf) =>
        groupOf.GetValueOrDefault(first.Workload) == groupOf.GetValueOrDefault(second.Workload) || first.Workload.IsHostNetwork || second.Workload.IsHostNetwork;

    public override void Analyze(RuleContext context)
    {
        var bindings = context.Get(PortBindingAnalysis.Shared);
        var groupOf = new Dictionary<Workload, object>(ReferenceEqualityComparer.Instance);
        foreach (var project in context.Model.ComposeProjects)
        {
            foreach (var service in project.Services)
            {
                groupOf[service] = project;
            }
        }

        foreach (var group in bindings.GroupBy(b => (b.Port, b.Protocol)))
        {
            var seen = new List<PortBinding>();
            foreach (var binding in group.OrderBy(b => b.Source.Location.Path, StringComparer.Ordinal).ThenBy(b => b.Source.Location.Span.Start))
            {
                var earlier = seen.FirstOrDefault(s => s.Workload != binding.Workload && s.SharesAddressWith(binding) && AreStartedTogether(s, binding, groupOf));
                seen.Add(binding);
                if (earlier is null)
                {
                    continue;
                }

                var (primary, related) = Placement.For(binding.Source, binding.Workload, $"port {binding.Port} comes from here");
                var where = earlier.Source.Location.Path == binding.Source.Location.Path ? "in this file" : $"in {earlier.Source.Location.Path}";
                context.Report(
                    primary,
                    FindingPath.Of(binding.Workload).Then("port", binding.Port).Then(binding.Protocol.ToString()),
                    [binding.Workload.Name, binding.Kind, binding.Port, binding.Protocol.ToString().ToLowerInvariant(), earlier.Workload.Name, where],
                    [.. related, new RelatedLocation(earlier.Source.Location, $"'{earlier.Workload.Name}' binds port {binding.Port} here")]);
            }
        }
    }
}
