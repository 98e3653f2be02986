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
        "Workload '{0}' {1}, which '{2}' already binds ({3}). Only one of them can start.",
        RuleCategory.Networking,
        Severity.Error,
        "Host-network workloads bind host ports directly and bridge workloads bind the host side of their published ports; two of them on one host, on the same port, protocol and address, make the second fail with 'address already in use'.",
        noFixReason: "Which workload should move, and to which port, is a deployment decision.");

    public override RuleDescriptor Descriptor => Definition;

    /// <summary>
    /// Each binding is compared with the earliest binding (by file and position) of a co-tenant on the same
    /// port, protocol and address. Earlier bindings are indexed by port, protocol and co-tenancy group, so
    /// the rule stays linear however many workloads share a port.
    /// </summary>
    public override void Analyze(RuleContext context)
    {
        var ports = context.Get(PortBindingAnalysis.Shared);
        var earlier = new Dictionary<(int Port, PortProtocol Protocol, int Group, Scope Scope, string? Ip), FirstTwoNames>();
        var ordered = ports.All
            .Select((binding, index) => (Binding: binding, Index: index))
            .OrderBy(b => b.Binding.Source.Location.Path, StringComparer.Ordinal)
            .ThenBy(b => b.Binding.Source.Location.Span.Start)
            .ThenBy(b => b.Index)
            .Select(b => b.Binding)
            .ToList();
        var position = new Dictionary<PortBinding, int>(ReferenceEqualityComparer.Instance);
        foreach (var binding in ordered)
        {
            position[binding] = position.Count;
            var ip = binding.BindsAnyAddress ? null : binding.HostIp!.ToLowerInvariant();
            PortBinding? clash = null;
            foreach (var group in ports.CoTenancy.GroupsOf(binding.Workload))
            {
                // A wildcard binding meets every earlier one; an address meets wildcards and the same address.
                Scope[] meets = ip is null ? [Scope.All] : [Scope.AnyAddress, Scope.Address];
                foreach (var scope in meets)
                {
                    if (earlier.GetValueOrDefault((binding.Port, binding.Protocol, group, scope, scope == Scope.Address ? ip : null))?.FirstNotAlternativeOf(binding.Workload) is { } found
                        && (clash is null || position[found] < position[clash]))
                    {
                        clash = found;
                    }
                }

                Remember(earlier, (binding.Port, binding.Protocol, group, Scope.All, null), binding);
                Remember(earlier, (binding.Port, binding.Protocol, group, ip is null ? Scope.AnyAddress : Scope.Address, ip), binding);
            }

            if (clash is not null)
            {
                Report(context, binding, clash);
            }
        }
    }

    private static void Report(RuleContext context, PortBinding binding, PortBinding earlier)
    {
        var port = $"host port {binding.Port}/{binding.Protocol.ToString().ToLowerInvariant()}";
        var (primary, related) = Placement.For(binding.Source, binding.Workload, $"port {binding.Port} comes from here");
        var where = earlier.Source.Location.Path == binding.Source.Location.Path ? "in this file" : $"in {earlier.Source.Location.Path}";
        var how = earlier.Variable is { } variable ? $"by variable {variable} {where}" : where;
        context.Report(
            primary,
            FindingPath.Of(binding.Workload).Then("port", binding.Port).Then(binding.Protocol.ToString()),
            [binding.Workload.Name, binding.Claim(port), earlier.Workload.Name, how],
            [.. related, new RelatedLocation(earlier.Source.Location, $"'{earlier.Workload.Name}' binds port {binding.Port} here")]);
    }

    private static void Remember(Dictionary<(int, PortProtocol, int, Scope, string?), FirstTwoNames> earlier, (int, PortProtocol, int, Scope, string?) key, PortBinding binding)
    {
        if (earlier.TryGetValue(key, out var known))
        {
            known.Add(binding);
        }
        else
        {
            earlier[key] = new FirstTwoNames(binding);
        }
    }

    /// <summary>Which earlier bindings a new one is compared with.</summary>
    private enum Scope
    {
        /// <summary>Every binding (what a wildcard binding meets).</summary>
        All,

        /// <summary>Wildcard bindings (what an address meets besides itself).</summary>
        AnyAddress,

        /// <summary>Bindings of one explicit address.</summary>
        Address,
    }

    /// <summary>
    /// The first binding, and the first whose workload has another name: enough to answer "the earliest binding
    /// of another name" in constant time, since workloads of one name are alternatives, never a clash.
    /// </summary>
    private sealed class FirstTwoNames(PortBinding first)
    {
        private PortBinding? second;

        public void Add(PortBinding binding)
        {
            if (second is null && !CoTenancy.AreAlternatives(binding.Workload, first.Workload))
            {
                second = binding;
            }
        }

        public PortBinding? FirstNotAlternativeOf(Workload workload) =>
            CoTenancy.AreAlternatives(first.Workload, workload) ? second : first;
    }
}
