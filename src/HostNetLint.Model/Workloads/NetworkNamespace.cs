namespace HostNetLint.Model.Workloads;

public enum NetworkNamespaceKind
{
    /// <summary>The host's network namespace: the workload binds host ports and reaches libvirt networks.</summary>
    Host,

    /// <summary>A namespace that is not the host's: a bridge, named networks, <c>none</c>, or the runtime's default.</summary>
    NotHost,

    /// <summary>
    /// The files do not say: the workload joins a container, service or pod the linted files do not define, the
    /// references form a cycle, or the mode names a namespace path (<c>ns:PATH</c>). Rules give it the benefit of the doubt.
    /// </summary>
    Unknown,
}

/// <summary>
/// The network namespace a workload runs in, resolved once for every rule: its own (<c>network_mode</c>,
/// <c>--network</c>, <c>Network=</c>), or the one it joins (<c>network_mode: service:X</c> or <c>container:NAME</c>,
/// <c>podman run --pod P</c>, a quadlet's <c>Pod=</c>), followed to the end of the chain.
/// </summary>
public sealed record NetworkNamespace
{
    public required NetworkNamespaceKind Kind { get; init; }

    /// <summary>
    /// The workload whose own settings decide the namespace: the workload itself, or the last one of the chain it
    /// joins (the pod, the service or container that owns the namespace). Null when the chain ends at something the
    /// linted files do not define, or in a cycle.
    /// </summary>
    public Workload? Owner { get; init; }

    /// <summary>How the workload joins another namespace, as written (<c>service:scheduler</c>, the <c>--pod</c> value, <c>Pod=</c>); null when it has its own.</summary>
    public ModelValue? JoinedBy { get; init; }

    /// <summary>The workload or pod it joins directly (the first step of the chain); null when it has its own namespace or the target is not defined.</summary>
    public Workload? JoinedTo { get; init; }

    /// <summary>Why the namespace is <see cref="NetworkNamespaceKind.Unknown"/>, in words for a message; null otherwise.</summary>
    public string? UnknownReason { get; init; }

    public bool IsHost => Kind == NetworkNamespaceKind.Host;

    /// <summary>True when the workload shares another workload's or a pod's namespace instead of having its own.</summary>
    public bool IsJoined => JoinedBy is not null;
}

/// <summary>A container's membership of a pod (<c>podman run --pod P</c>, quadlet <c>Pod=x.pod</c>); <see cref="Pod"/> is null when the linted files do not create it.</summary>
public sealed record PodMembership(ModelValue Reference, Workload? Pod);
