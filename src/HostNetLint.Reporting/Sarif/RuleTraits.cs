using System.Collections.Immutable;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Reporting.Sarif;

/// <summary>
/// What code scanning shows about a rule beyond its descriptor: how often it is right, its filter tags,
/// and, for security findings only, a CVSS-like severity (which makes GitHub list it under security).
/// </summary>
internal sealed record RuleTraits(string Precision, ImmutableArray<string> Tags, string? SecuritySeverity = null)
{
    public static RuleTraits For(RuleDescriptor descriptor) => descriptor.Id switch
    {
        // Detecting that a workload drives VMs reads commands, mounts and variables: a heuristic.
        "HNL1001" => new("medium", ["networking", "reliability", "compose"]),

        // CWE-1327: binding to an unrestricted IP address. 6.5 places it in GitHub's "medium" band.
        "HNL1006" => new("high", ["security", "networking", "compose", "external/cwe/cwe-1327"], "6.5"),

        _ => descriptor.Category switch
        {
            RuleCategory.Input => new("very-high", ["input", "correctness"]),
            RuleCategory.Networking => new("high", ["networking", "reliability", "compose"]),
            RuleCategory.UnitOrdering => new("high", ["systemd", "reliability"]),
            RuleCategory.ComposeHygiene => new("very-high", ["maintainability", "compose"]),
            _ => new("high", []),
        },
    };
}
