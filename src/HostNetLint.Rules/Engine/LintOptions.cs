using System.Collections.Immutable;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Rules.Engine;

/// <summary>A port that belongs to one workload, found by a name glob (ADR-0043: 8888 webserver, 8889 MCP server).</summary>
public sealed record ReservedPort(int Port, ImmutableArray<string> OwnerGlobs, string Purpose);

/// <summary>Options the rules read. Later layers (.editorconfig, hostnetlint.yaml, CLI) fill these in.</summary>
public sealed record LintOptions
{
    public static LintOptions Default { get; } = new();

    public ImmutableArray<ReservedPort> ReservedPorts { get; init; } =
    [
        new ReservedPort(8888, ["*webserver*", "*api-server*", "*apiserver*"], "the Airflow webserver"),
        new ReservedPort(8889, ["*mcp*"], "the MCP server"),
    ];

    /// <summary>Networks the VMs live on (libvirt's default network by default).</summary>
    public ImmutableArray<string> VmNetworks { get; init; } = ["192.168.122.0/24"];

    /// <summary>Units whose ordering satisfies HNL2001 (libvirt's monolithic and modular daemons by default).</summary>
    public ImmutableArray<string> LibvirtUnits { get; init; } = ["libvirtd.service", "libvirtd.socket", "virtqemud.service", "virtqemud.socket"];

    /// <summary>Per-rule severity overrides (the last configuration layer wins before this is built).</summary>
    public ImmutableDictionary<string, Severity> SeverityOverrides { get; init; } = ImmutableDictionary<string, Severity>.Empty;

    /// <summary>Per-file severities (.editorconfig), below <see cref="SeverityOverrides"/>; null when there are none.</summary>
    public Configuration.ISeverityProvider? FileSeverities { get; init; }

    /// <summary>Report an inline suppression without <c>-- reason</c> as HNL0005.</summary>
    public bool RequireJustification { get; init; }

    /// <summary>
    /// Which files run on which host (hostnetlint.yaml <c>hosts:</c>): host name -> root-relative path globs.
    /// Workloads placed on different hosts never clash; empty means the default co-tenancy (rules/HNL1005.md).
    /// </summary>
    public ImmutableDictionary<string, ImmutableArray<string>> Hosts { get; init; } = ImmutableDictionary<string, ImmutableArray<string>>.Empty;

    /// <summary>Extra signals that a workload reaches VMs, and workloads that never do (hostnetlint.yaml <c>vmAccess</c>).</summary>
    public VmAccessOptions VmAccess { get; init; } = VmAccessOptions.Default;

    /// <summary>The releases of podman-compose, podman, compose and systemd the deployment runs on (hostnetlint.yaml <c>targets</c>).</summary>
    public RuntimeTargets Targets { get; init; } = RuntimeTargets.None;

    /// <summary>
    /// Threads the rules run on (see <see cref="LintEngine.Analyze"/>): null for every core once the model is large
    /// enough to repay them, 1 for one. The findings are the same either way; tests compare the two.
    /// </summary>
    internal int? RuleThreads { get; init; }
}
