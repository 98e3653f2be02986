using System.Collections.Immutable;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Hosting.Configuration;

/// <summary>
/// What a <c>hostnetlint.yaml</c> sets. Only keys present in the file are non-null, so layering can tell
/// "not configured" from "configured as empty".
/// </summary>
public sealed record HostNetLintConfig
{
    public static HostNetLintConfig Empty { get; } = new();

    /// <summary>The file it was read from (full path); null for <see cref="Empty"/>.</summary>
    public string? Path { get; init; }

    /// <summary>Port -> owner globs; merged over the defaults port by port, an empty list removes a default.</summary>
    public ImmutableDictionary<int, ImmutableArray<string>>? ReservedPorts { get; init; }

    public VmAccessOptions? VmAccess { get; init; }

    public ImmutableArray<string>? VmNetworks { get; init; }

    public ImmutableArray<string>? LibvirtUnits { get; init; }

    /// <summary>Install path -> repository path (relative to the configuration file's directory).</summary>
    public ImmutableDictionary<string, string>? PathMappings { get; init; }

    public ImmutableArray<string>? Exclude { get; init; }

    public Severity? FailLevel { get; init; }

    /// <summary>Rule ID -> severity (<c>default</c> already resolved to the rule's own).</summary>
    public ImmutableDictionary<string, Severity>? Severities { get; init; }

    public bool? RequireJustification { get; init; }
}
