using HostNetLint.Model.Workloads;

namespace HostNetLint.Rules.Analysis;

public enum PortEvidence
{
    /// <summary>A port variable: configuration that may or may not be a listener.</summary>
    Weak,

    /// <summary>Published ports, <c>expose</c>, command flags, localhost health checks.</summary>
    Strong,
}

/// <summary>
/// A host port a workload occupies: a listener on the host network, or the host side of a published
/// port of a bridge workload. <see cref="HostIp"/> is null when it binds every address.
/// </summary>
public sealed record PortBinding(Workload Workload, int Port, PortProtocol Protocol, string? HostIp, PortEvidence Evidence, ModelValue Source, string Kind)
{
    /// <summary>True when both bind the same address, or one of them binds all addresses.</summary>
    public bool SharesAddressWith(PortBinding other) =>
        IsAnyAddress(HostIp) || IsAnyAddress(other.HostIp) || string.Equals(HostIp, other.HostIp, StringComparison.OrdinalIgnoreCase);

    private static bool IsAnyAddress(string? ip) => ip is null or "" or "0.0.0.0" or "::" or "[::]" or "*";
}
