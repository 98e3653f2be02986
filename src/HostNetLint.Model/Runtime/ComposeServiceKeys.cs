using System.Collections.Frozen;
using System.Collections.Immutable;

namespace HostNetLint.Model.Runtime;

/// <summary>A key of a compose service, and the compose-go release that added it when docker-compose 1.29's copy of the specification lacks it.</summary>
/// <param name="AddedIn">The first compose-go release whose schema has the key (compose-go's git history), for keys newer than docker-compose 1.29; null for the others.</param>
public sealed record ComposeServiceKey(string Name, string? AddedIn = null)
{
    /// <summary>True when docker-compose 1.29 (Debian 12) accepts the key, so its <c>config</c> can check a file that uses it.</summary>
    public bool KnownToComposeV1 => AddedIn is null;
}

/// <summary>
/// The keys a compose service may have besides <c>x-...</c> (<see cref="RuntimeFacts.ComposeServiceKeys"/>): the properties of
/// the compose specification's service schema, written out here so that the rules need no schema file. Keys newer than the
/// specification docker-compose 1.29 carries say which compose-go release added them.
/// </summary>
public static class ComposeServiceKeys
{
    public static ImmutableArray<ComposeServiceKey> All { get; } =
    [
        new("annotations", "v1.13.5"), new("attach", "v1.16.0"), new("blkio_config"), new("build"), new("cap_add"), new("cap_drop"),
        new("cgroup", "v1.9.0"), new("cgroup_parent"), new("command"), new("configs"), new("container_name"), new("cpu_count"),
        new("cpu_percent"), new("cpu_period"), new("cpu_quota"), new("cpu_rt_period"), new("cpu_rt_runtime"), new("cpu_shares"),
        new("cpus"), new("cpuset"), new("credential_spec"), new("depends_on"), new("deploy"), new("develop", "v1.19.0"),
        new("device_cgroup_rules"), new("devices"), new("dns"), new("dns_opt"), new("dns_search"), new("domainname"),
        new("entrypoint"), new("env_file"), new("environment"), new("expose"), new("extends"), new("external_links"),
        new("extra_hosts"), new("gpus", "v2.3.0"), new("group_add"), new("healthcheck"), new("hostname"), new("image"), new("init"),
        new("ipc"), new("isolation"), new("label_file", "v2.4.6"), new("labels"), new("links"), new("logging"), new("mac_address"),
        new("mem_limit"), new("mem_reservation"), new("mem_swappiness"), new("memswap_limit"), new("models", "v2.7.0"),
        new("network_mode"), new("networks"), new("oom_kill_disable"), new("oom_score_adj"), new("pid"), new("pids_limit"),
        new("platform"), new("ports"), new("post_start", "v2.3.0"), new("pre_start", "v2.13.0"), new("pre_stop", "v2.3.0"),
        new("privileged"), new("profiles"), new("provider", "v2.5.0"), new("pull_policy"), new("pull_refresh_after", "v2.4.9"),
        new("read_only"), new("restart"), new("runtime"), new("scale"), new("secrets"), new("security_opt"), new("shm_size"),
        new("stdin_open"), new("stop_grace_period"), new("stop_signal"), new("storage_opt"), new("sysctls"), new("tmpfs"), new("tty"),
        new("ulimits"), new("use_api_socket", "v2.6.5"), new("user"), new("userns_mode"), new("uts", "v1.8.2"), new("volumes"),
        new("volumes_from"), new("working_dir"),
    ];

    /// <summary>
    /// Service keys podman-compose reads that the specification does not have (<see cref="RuntimeFacts.PodmanComposeServiceKeysOutsideSpec"/>):
    /// valid for a project only podman-compose starts, so never reported as unknown.
    /// </summary>
    public static ImmutableArray<string> PodmanComposeOnly { get; } = ["publishall", "init-path", "http_proxy"];

    private static readonly FrozenDictionary<string, ComposeServiceKey> ByName = All.ToFrozenDictionary(k => k.Name, StringComparer.Ordinal);

    /// <summary>The key named exactly <paramref name="name"/>, or null.</summary>
    public static ComposeServiceKey? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>True for a key some runtime reads: a specification key, an <c>x-</c> extension, or a key of podman-compose's own.</summary>
    public static bool IsKnown(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ByName.ContainsKey(name) || name.StartsWith("x-", StringComparison.Ordinal) || PodmanComposeOnly.Contains(name);
    }
}
