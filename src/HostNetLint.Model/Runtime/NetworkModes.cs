namespace HostNetLint.Model.Runtime;

/// <summary>Whether a network mode is written with <c>:ARGUMENT</c> after its name.</summary>
public enum NetworkModeArgument
{
    /// <summary><c>host</c>, <c>none</c>, <c>private</c>: the name alone.</summary>
    None,

    /// <summary><c>bridge</c>, <c>slirp4netns</c>, <c>pasta</c>: options may follow (<c>slirp4netns:port_handler=slirp4netns</c>).</summary>
    Optional,

    /// <summary><c>service:NAME</c>, <c>container:NAME</c>, <c>ns:PATH</c>.</summary>
    Required,
}

/// <summary>A network mode: its name, how it takes an argument, and which tools accept it.</summary>
/// <param name="InComposeSpec">Part of compose's <c>network_mode</c> (or Docker Engine's <c>bridge</c>).</param>
/// <param name="InPodman">Accepted by <c>podman run --network</c> (and quadlet's <c>Network=</c>).</param>
public sealed record NetworkMode(string Name, NetworkModeArgument Argument, bool InComposeSpec, bool InPodman);

/// <summary>
/// The network modes compose and Podman accept (see <see cref="RuntimeFacts.PodmanNetworkModes"/> and
/// <see cref="RuntimeFacts.PodmanComposePodmanNetworkModes"/>): the one list the model (telling modes from network
/// names in <c>--network</c>/<c>Network=</c>) and HNL1007 (unknown <c>network_mode</c>) read.
/// </summary>
public static class NetworkModes
{
    public static readonly IReadOnlyList<NetworkMode> All =
    [
        new("host", NetworkModeArgument.None, InComposeSpec: true, InPodman: true),
        new("none", NetworkModeArgument.None, InComposeSpec: true, InPodman: true),
        new("bridge", NetworkModeArgument.Optional, InComposeSpec: true, InPodman: true),
        new("service", NetworkModeArgument.Required, InComposeSpec: true, InPodman: false),
        new("container", NetworkModeArgument.Required, InComposeSpec: true, InPodman: true),
        new("private", NetworkModeArgument.None, InComposeSpec: false, InPodman: true),
        new("slirp4netns", NetworkModeArgument.Optional, InComposeSpec: false, InPodman: true),
        new("pasta", NetworkModeArgument.Optional, InComposeSpec: false, InPodman: true),
        new("ns", NetworkModeArgument.Required, InComposeSpec: false, InPodman: true),
    ];

    private static readonly Dictionary<string, NetworkMode> ByName = All.ToDictionary(m => m.Name, StringComparer.Ordinal);

    /// <summary>The mode <paramref name="value"/> names (<c>slirp4netns:...</c> is slirp4netns), or null for a network name.</summary>
    public static NetworkMode? Named(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return ByName.GetValueOrDefault(colon < 0 ? value : value[..colon]);
    }

    /// <summary>
    /// True when <paramref name="value"/> is a well-formed mode compose or podman-compose accepts as <c>network_mode</c>:
    /// a known name, with an argument exactly when the mode takes one (<c>host</c>, <c>bridge:opts</c>, <c>ns:/run/netns/x</c>).
    /// </summary>
    public static bool IsWellFormed(string value)
    {
        if (Named(value) is not { } mode)
        {
            return false;
        }

        var hasArgument = value.Length > mode.Name.Length;
        return mode.Argument switch
        {
            NetworkModeArgument.None => !hasArgument,
            NetworkModeArgument.Required => value.Length > mode.Name.Length + 1,
            _ => true,
        };
    }

    /// <summary>
    /// Why compose refuses <paramref name="value"/> as the <c>network_mode</c> of service <paramref name="serviceName"/>
    /// in a project whose services <paramref name="isProjectService"/> knows, or null when it accepts it: the one
    /// judgement HNL1007 reports and HNL3002 consults before it renames a key to network_mode.
    /// </summary>
    public static string? ComposeRefusal(string value, string serviceName, Func<string, bool> isProjectService)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(isProjectService);
        if (value.StartsWith("service:", StringComparison.Ordinal))
        {
            var target = value["service:".Length..];
            return !isProjectService(target) ? $"the project has no service '{target}'"
                : target == serviceName ? "a service cannot share its own network namespace"
                : null;
        }

        return IsWellFormed(value) ? null
            : "compose accepts none, host, bridge, service:NAME or container:NAME (Podman also slirp4netns, pasta, private, ns:PATH)";
    }
}
