using HostNetLint.Model.Workloads;
using HostNetLint.Rules.Analysis;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Rules.Networking;

/// <summary>HNL1005: two workloads on one host cannot bind the same port, protocol and address.</summary>
public sealed class HNL1005HostPortClash : Rule
{
    // Index channels of compose profiles (see Channels); neither is a profile name compose accepts.
    private const string AnyProfile = "*";
    private const string NoProfile = "";

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
    /// Each binding is compared with the earliest binding (by file and position, a variant's own values last) of a
    /// co-tenant on the same port, protocol and address. Earlier bindings are indexed by port, protocol and co-tenancy group, and each
    /// index keeps a constant number of them (see <see cref="EarlierBindings"/>), so the rule stays linear however
    /// many workloads share a port.
    /// </summary>
    public override void Analyze(RuleContext context)
    {
        var ports = context.Get(PortBindingAnalysis.Shared);
        var earlier = new Dictionary<(int Port, PortProtocol Protocol, int Group, Scope Scope, string? Ip, string Channel), EarlierBindings>();
        // A variant's own values come last, so a clash that only the variant's run has is reported in the variant. One
        // comparer and a stable sort (ties keep their order in All) instead of an OrderBy/ThenBy chain, whose every
        // ThenBy costs Native AOT a generic virtual method lookup at its first call.
        var ordered = ports.All
            .Select(binding => (Binding: binding, VariantOwn: ports.CoTenancy.IsVariantOwn(binding.Workload, binding.Source.Location)))
            .Order(Comparer<(PortBinding Binding, bool VariantOwn)>.Create((a, b) =>
            {
                var order = a.VariantOwn.CompareTo(b.VariantOwn);
                if (order == 0)
                {
                    order = string.CompareOrdinal(a.Binding.Source.Location.Path, b.Binding.Source.Location.Path);
                }

                return order != 0 ? order : a.Binding.Source.Location.Span.Start.CompareTo(b.Binding.Source.Location.Span.Start);
            }))
            .ToList()
            .ConvertAll(b => b.Binding);
        var position = new Dictionary<PortBinding, int>(ReferenceEqualityComparer.Instance);
        foreach (var binding in ordered)
        {
            position[binding] = position.Count;
            var ip = binding.BindsAnyAddress ? null : binding.HostIp!.ToLowerInvariant();
            PortBinding? clash = null;
            var (meetChannels, ownChannels) = Channels(binding.Workload);
            foreach (var group in ports.CoTenancy.GroupsOf(binding.Workload))
            {
                // A wildcard binding meets every earlier one; an address meets wildcards and the same address.
                Scope[] meets = ip is null ? [Scope.All] : [Scope.AnyAddress, Scope.Address];
                foreach (var scope in meets)
                {
                    foreach (var channel in meetChannels)
                    {
                        if (earlier.GetValueOrDefault((binding.Port, binding.Protocol, group, scope, scope == Scope.Address ? ip : null, channel))?.FirstNotAlternativeOf(binding.Workload) is { } found
                            && (clash is null || position[found] < position[clash]))
                        {
                            clash = found;
                        }
                    }
                }

                foreach (var channel in ownChannels)
                {
                    Remember(earlier, (binding.Port, binding.Protocol, group, Scope.All, null, channel), binding, position[binding], ports.CoTenancy);
                    Remember(earlier, (binding.Port, binding.Protocol, group, ip is null ? Scope.AnyAddress : Scope.Address, ip, channel), binding, position[binding], ports.CoTenancy);
                }
            }

            if (clash is not null)
            {
                Report(context, binding, clash);
            }
        }
    }

    /// <summary>
    /// <see cref="CoTenancy.ProfilesNeverMeet"/> as index channels, so the rule stays linear. A service without
    /// <c>profiles:</c> meets every earlier binding (<see cref="AnyProfile"/>); a service with profiles meets services
    /// without profiles and those that share a profile with it. Each binding is remembered in <see cref="AnyProfile"/>
    /// and in its own channels, so a lookup costs one index read per profile of the binding.
    /// </summary>
    private static (string[] Meets, string[] Own) Channels(Workload workload)
    {
        if (workload.Profiles.IsEmpty)
        {
            return ([AnyProfile], [AnyProfile, NoProfile]);
        }

        var profiles = workload.Profiles.Select(p => p.Text).Distinct(StringComparer.Ordinal).ToArray();
        return ([NoProfile, .. profiles], [AnyProfile, .. profiles]);
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

    private static void Remember(Dictionary<(int, PortProtocol, int, Scope, string?, string), EarlierBindings> earlier, (int, PortProtocol, int, Scope, string?, string) key, PortBinding binding, int position, CoTenancy coTenancy)
    {
        if (!earlier.TryGetValue(key, out var known))
        {
            earlier[key] = known = new EarlierBindings(coTenancy);
        }

        known.Add(binding, position);
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
    /// The bindings of one index, kept so that "the earliest binding that is not an alternative of this workload" takes
    /// constant time. Alternatives share a name, or belong to different runs of one stack, so the answer is the earlier
    /// of the earliest binding of the same run with another name, and the earliest of another stack with another name.
    /// </summary>
    private sealed class EarlierBindings(CoTenancy coTenancy)
    {
        private readonly Dictionary<int, FirstTwoNames> byRun = [];
        private readonly OtherStackOtherName otherStacks = new();

        public void Add(PortBinding binding, int position)
        {
            var run = coTenancy.RunOf(binding.Workload);
            var entry = new Entry(binding, position, run.Stack, binding.Workload.Name);
            if (byRun.TryGetValue(run.Run, out var own))
            {
                own.Add(entry);
            }
            else
            {
                byRun[run.Run] = new FirstTwoNames(entry);
            }

            otherStacks.Add(entry);
        }

        public PortBinding? FirstNotAlternativeOf(Workload workload)
        {
            var run = coTenancy.RunOf(workload);
            var sameRun = byRun.GetValueOrDefault(run.Run)?.FirstNotNamed(workload.Name);
            var otherStack = otherStacks.First(run.Stack, workload.Name);
            return (sameRun, otherStack) switch
            {
                (null, null) => null,
                ({ } a, null) => a.Binding,
                (null, { } b) => b.Binding,
                var (a, b) => a!.Position < b!.Position ? a.Binding : b.Binding,
            };
        }
    }

    private sealed record Entry(PortBinding Binding, int Position, int Stack, string Name);

    /// <summary>The first binding of one run, and its first whose workload has another name.</summary>
    private sealed class FirstTwoNames(Entry first)
    {
        private Entry? second;

        public void Add(Entry entry)
        {
            if (second is null && entry.Name != first.Name)
            {
                second = entry;
            }
        }

        public Entry? FirstNotNamed(string name) => first.Name != name ? first : second;
    }

    /// <summary>
    /// The earliest entry of another stack than s and another name than n, for any (s, n), from five kept entries:
    /// x1 the first; x2 the first of another stack than x1's, x3 the first of another stack than x1's and another name
    /// than x2's; y2 the first of another name than x1's, y3 the first of another name than x1's and another stack than
    /// y2's. When x1 has stack s, the answer is x2, or x3 when x2 has name n; when x1 has name n, it is y2, or y3 when y2
    /// has stack s; else it is x1. So the earliest kept entry that avoids (s, n) is the answer.
    /// </summary>
    private sealed class OtherStackOtherName
    {
        private Entry? x1;
        private Entry? x2;
        private Entry? x3;
        private Entry? y2;
        private Entry? y3;

        public void Add(Entry entry)
        {
            if (x1 is null)
            {
                x1 = entry;
                return;
            }

            if (entry.Stack != x1.Stack)
            {
                if (x2 is null)
                {
                    x2 = entry;
                }
                else if (x3 is null && entry.Name != x2.Name)
                {
                    x3 = entry;
                }
            }

            if (entry.Name != x1.Name)
            {
                if (y2 is null)
                {
                    y2 = entry;
                }
                else if (y3 is null && entry.Stack != y2.Stack)
                {
                    y3 = entry;
                }
            }
        }

        public Entry? First(int stack, string name) =>
            new[] { x1, x2, x3, y2, y3 }
                .Where(e => e is not null && e.Stack != stack && e.Name != name)
                .MinBy(e => e!.Position);
    }
}
