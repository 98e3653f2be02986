using System.Text.RegularExpressions;
using HostNetLint.Model.Workloads;
using HostNetLint.Rules.Analysis;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Rules.Networking;

/// <summary>HNL1006: on the host network a wildcard bind exposes the service on every host interface (ADR-0043 security table).</summary>
public sealed partial class HNL1006HostNetworkListensOnAllInterfaces : Rule
{
    public static readonly RuleDescriptor Definition = RuleDescriptor.Create(
        "HNL1006",
        "Host-network workload listens on all interfaces",
        "Host-network workload '{0}' binds all interfaces ({1}). Bind it to 127.0.0.1 or a chosen interface.",
        RuleCategory.Networking,
        Severity.Warning,
        "A host-network container that binds 0.0.0.0 or :: listens on every interface of the host, external ones included, with no port mapping in front of it; ADR-0043 asks for localhost or a specific interface.",
        noFixReason: "The right interface depends on who must reach the service.",

        // CWE-1327: binding to an unrestricted IP address. 6.5 places it in code scanning's "medium" band.
        tags: ["security", "networking", "compose", "external/cwe/cwe-1327"],
        securitySeverity: 6.5m);

    private static readonly string[] AddressFlags = ["--host", "--hostname", "-H", "--bind", "-b", "--listen", "--address"];

    public override RuleDescriptor Descriptor => Definition;

    public override void Analyze(RuleContext context)
    {
        var hostWorkloads = context.Model.Workloads.Where(w => w.IsHostNetwork).ToList();
        var found = hostWorkloads.SelectMany(w => FindWildcardBinds(w).Select(e => (Workload: w, e.Evidence, e.Description))).ToList();

        // A variable in a shared anchor reaches services that never listen; report it once, where it is written. A
        // service repeated by alternative runs (a base's and a variant's) is one service here.
        foreach (var group in found.GroupBy(f => f.Evidence.Location))
        {
            var workloads = group.Select(f => f.Workload).DistinctBy(w => w.Name, StringComparer.Ordinal).ToList();
            var first = group.First();
            if (workloads.Count > 1)
            {
                var names = string.Join("', '", workloads.Select(w => w.Name));
                context.Report(first.Evidence.Location, FindingPath.Of(first.Workload.GroupName, workloads).Then("bind"), [names, first.Description], [.. workloads.SelectMany(Placement.HostNamespaceJoin)]);
                continue;
            }

            var (primary, related) = Placement.For(first.Evidence, first.Workload, "the wildcard address comes from here");
            context.Report(primary, FindingPath.Of(first.Workload).Then("bind"), [first.Workload.Name, first.Description], [.. related, .. Placement.HostNamespaceJoin(first.Workload)]);
        }
    }

    private static IEnumerable<(ModelValue Evidence, string Description)> FindWildcardBinds(Workload workload)
    {
        var words = EvidenceText.Words(workload.Entrypoint.Concat(workload.Command)).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            var (word, source) = words[i];
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            var separate = equals < 0 && i + 1 < words.Count;
            var (flag, value) = equals > 0 ? (word[..equals], word[(equals + 1)..]) : (word, separate ? words[i + 1].Word : null);
            if (equals > 0)
            {
                source = EvidenceText.Slice(source, equals + 1, word.Length - equals - 1);
            }
            else if (separate)
            {
                // The value is the evidence, and it may sit in its own list item.
                source = words[i + 1].Source;
            }

            if (AddressFlags.Contains(flag, StringComparer.Ordinal) && value is not null && IsWildcard(value))
            {
                yield return (source, $"{flag} {value}");
            }
        }

        foreach (var variable in workload.Environment)
        {
            var name = variable.Name.ToUpperInvariant();
            if (variable.Value is { } value && IsAddressVariable(name) && IsWildcard(value.Text.Trim()))
            {
                yield return (variable.Entry, $"{variable.Name}={value.Text.Trim()}");
            }
        }
    }

    private static bool IsAddressVariable(string name) =>
        name is "HOST" or "BIND" or "LISTEN" || name.EndsWith("_HOST", StringComparison.Ordinal) || name.EndsWith("_ADDRESS", StringComparison.Ordinal) ||
        name.EndsWith("_ADDR", StringComparison.Ordinal) || name.EndsWith("_BIND", StringComparison.Ordinal) || name.EndsWith("_LISTEN", StringComparison.Ordinal);

    private static bool IsWildcard(string value) => WildcardAddress().IsMatch(value);

    [GeneratedRegex(@"^(0\.0\.0\.0|::|\[::\]|\*)(:\d{1,5})?$", RegexOptions.CultureInvariant)]
    private static partial Regex WildcardAddress();
}
