using System.Collections.Immutable;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Model.Workloads;

public enum WorkloadKind
{
    ComposeService,
    PodmanRun,
    QuadletContainer,
    QuadletPod,

    /// <summary>A pod made by <c>podman pod create</c> in an Exec line; its containers share its network.</summary>
    PodmanPod,
}

/// <summary>
/// A container (or pod) as the rules see it, whatever file format declared it: compose services now,
/// <c>podman run</c> lines and quadlets later. Rules run on workloads, not on YAML.
/// </summary>
public sealed class Workload
{
    private NetworkNamespace? resolvedNamespace;
    private ImmutableArray<Location> declarations;

    public required string Name { get; init; }

    public required WorkloadKind Kind { get; init; }

    /// <summary>The declaration: the service's key in compose (diagnostics about the whole workload point here).</summary>
    public required Location Location { get; init; }

    /// <summary>
    /// Where the workload is written: for a compose service, its key in each file of its run that writes it (base,
    /// override, variant, included file), in load order, the first being <see cref="Location"/>; else just <see cref="Location"/>.
    /// </summary>
    public ImmutableArray<Location> Declarations
    {
        get => declarations.IsDefaultOrEmpty ? [Location] : declarations;
        init => declarations = value;
    }

    /// <summary>The group it belongs to (the compose project), for names like <c>service:NAME</c>.</summary>
    public required string GroupName { get; init; }

    /// <summary><c>network_mode</c> after merges and interpolation; null when not set.</summary>
    public ModelValue? NetworkMode { get; init; }

    /// <summary>Entries of <c>networks:</c>, in order.</summary>
    public ImmutableArray<NetworkAttachment> Networks { get; init; } = [];

    /// <summary>The <c>networks:</c> key itself when present (what a fix removes).</summary>
    public Location? NetworksKey { get; init; }

    /// <summary>The <c>ports:</c> key itself when present.</summary>
    public Location? PortsKey { get; init; }

    public ImmutableArray<PortMapping> Ports { get; init; } = [];

    public ImmutableArray<ModelValue> Expose { get; init; } = [];

    public ImmutableArray<Mount> Mounts { get; init; } = [];

    public ImmutableArray<EnvironmentVariable> Environment { get; init; } = [];

    /// <summary>Command arguments (a string command is split like a shell would).</summary>
    public ImmutableArray<ModelValue> Command { get; init; } = [];

    public ImmutableArray<ModelValue> Entrypoint { get; init; } = [];

    /// <summary>The healthcheck <c>test</c> arguments.</summary>
    public ImmutableArray<ModelValue> Healthcheck { get; init; } = [];

    public ImmutableArray<ModelValue> ExtraHosts { get; init; } = [];

    public ImmutableArray<Label> Labels { get; init; } = [];

    public ModelValue? Image { get; init; }

    /// <summary>
    /// The container name the runtime gives it, which <c>container:NAME</c> refers to: compose's <c>container_name</c>,
    /// <c>podman run --name</c>, a quadlet's <c>ContainerName=</c> (default <c>systemd-STEM</c>); null when it has none of its own.
    /// </summary>
    public string? ContainerName { get; init; }

    /// <summary>The pod the container joins (<c>--pod</c>, <c>Pod=</c>); null when it names none.</summary>
    public PodMembership? Pod { get; init; }

    /// <summary>
    /// The network namespace the workload runs in, <c>service:</c>, <c>container:</c> and pod membership followed
    /// (see <see cref="NetworkNamespaceResolver"/>). Before the model resolves it, only the workload's own settings count.
    /// </summary>
    public NetworkNamespace Namespace
    {
        get => resolvedNamespace ??= NetworkNamespaceResolver.OwnOrUnknown(this);
        internal set => resolvedNamespace = value;
    }

    /// <summary>True when the workload runs in the host's network namespace, its own or one it joins.</summary>
    public bool IsHostNetwork => Namespace.IsHost;

    /// <summary>The workload's own setting that puts it on the host network (<c>network_mode: host</c>, an external network called <c>host</c>), or null.</summary>
    public ModelValue? HostNetworkSetting =>
        NetworkMode is { Text: "host" } mode ? mode : Networks.FirstOrDefault(n => n.IsHostNetwork)?.Name;

    /// <summary>A compose service's <c>profiles:</c>; empty for services without them and for other kinds of workload.</summary>
    public ImmutableArray<ModelValue> Profiles { get; init; } = [];

    /// <summary>
    /// False for a compose service none of whose <see cref="Profiles"/> is active (<c>COMPOSE_PROFILES</c> in the project's
    /// <c>.env</c> or the host environment): plain <c>docker compose up</c> does not start it. The workload stays in the model,
    /// because it runs whenever its profile is activated: rules about its own definition still apply to it, rules about
    /// workloads running together should leave it out.
    /// </summary>
    public bool IsProfileActive { get; init; } = true;

    public override string ToString() => $"{GroupName}/{Name}";
}

/// <summary>An entry of <c>networks:</c>; <see cref="IsHostNetwork"/> when it names an external network called <c>host</c>.</summary>
public sealed record NetworkAttachment(ModelValue Name, bool IsHostNetwork);

public enum PortProtocol
{
    Tcp,
    Udp,
    Sctp,
}

/// <summary>
/// A published port (<c>ports:</c> short or long syntax). Host ports are a range (<c>8000-8010:80</c>);
/// null when only a container port is given (an ephemeral host port).
/// </summary>
public sealed record PortMapping(ModelValue Entry, string? HostIp, int? HostPortStart, int? HostPortEnd, int? ContainerPortStart, int? ContainerPortEnd, PortProtocol Protocol);

/// <summary>A volume or bind mount; <see cref="Source"/> is the host path or volume name (null for anonymous volumes).</summary>
public sealed record Mount(ModelValue Entry, string? Source, string Target, bool IsBind, bool ReadOnly);

public sealed record EnvironmentVariable(string Name, ModelValue? Value, ModelValue Entry);

public sealed record Label(string Name, ModelValue Value);
