using HostNetLint.Model.Workloads;

namespace HostNetLint.Rules.Analysis;

/// <summary>Where the linter learned that a workload occupies a port.</summary>
public enum PortEvidenceKind
{
    /// <summary>A <c>ports:</c> entry (<c>PublishPort=</c>, <c>--publish</c>): the host port of a bridge workload, the container port on the host network.</summary>
    Published,

    /// <summary>An <c>expose:</c> entry (<c>ExposeHostPort=</c>, <c>--expose</c>).</summary>
    Exposed,

    /// <summary>A command argument: <c>--port N</c>, <c>--port=N</c>, <c>-p N</c>, <c>--bind HOST:PORT</c>.</summary>
    CommandFlag,

    /// <summary>A healthcheck URL on localhost.</summary>
    Healthcheck,

    /// <summary>An environment variable (<c>PORT</c>, <c>*_PORT</c>, <c>*_ADDRESS=HOST:PORT</c>) that no heuristic calls a client setting.</summary>
    Variable,
}

public enum PortEvidenceStrength
{
    /// <summary>Configuration that may or may not be a listener: rules report it only when nothing contradicts it.</summary>
    Weak,

    /// <summary>The runtime or the program itself binds the port.</summary>
    Strong,
}

/// <summary>
/// A host port a workload occupies: a listener on the host network, or the host side of a published
/// port of a bridge workload. <see cref="HostIp"/> is null when it binds every address;
/// <see cref="Variable"/> names the environment variable when <see cref="Kind"/> is <see cref="PortEvidenceKind.Variable"/>.
/// </summary>
public sealed record PortBinding(Workload Workload, int Port, PortProtocol Protocol, string? HostIp, PortEvidenceKind Kind, ModelValue Source, string? Variable = null)
{
    public PortEvidenceStrength Strength => Kind == PortEvidenceKind.Variable ? PortEvidenceStrength.Weak : PortEvidenceStrength.Strong;

    /// <summary>True when both bind the same address, or one of them binds all addresses.</summary>
    public bool SharesAddressWith(PortBinding other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return BindsAnyAddress || other.BindsAnyAddress || string.Equals(HostIp, other.HostIp, StringComparison.OrdinalIgnoreCase);
    }

    public bool BindsAnyAddress => IsAnyAddress(HostIp);

    /// <summary>
    /// What the workload does with <paramref name="port"/>, in words that show the evidence:
    /// "publishes host port 80", "listens on it", "is set to listen on it by variable WEB_PORT".
    /// </summary>
    public string Claim(string port) => Kind switch
    {
        PortEvidenceKind.Variable => $"is set to listen on {port} by variable {Variable}",
        PortEvidenceKind.Published when !Workload.IsHostNetwork => $"publishes {port}",
        _ => $"listens on {port}",
    };

    internal static bool IsAnyAddress(string? ip) => ip is null or "" or "0.0.0.0" or "::" or "[::]" or "*";
}
