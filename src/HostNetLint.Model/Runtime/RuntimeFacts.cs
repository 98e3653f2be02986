using System.Collections.Immutable;

namespace HostNetLint.Model.Runtime;

/// <summary>
/// What Podman, podman-compose, quadlet and compose do with a deployment's network settings, per version, each fact
/// with its source: the one table rules and rule pages take version facts from. "Verified" facts were checked on
/// Debian 12 (podman 4.3.1+ds1-8+deb12u1, podman-compose 1.0.3-3, docker-compose 1.29.2-3, systemd 252) without
/// starting a container: <c>podman-compose --dry-run</c>, and <c>podman run --pull=never</c> on an image that does not
/// exist, which reports an argument error before it looks for the image.
/// </summary>
/// <remarks>
/// podman-compose history is from github.com/containers/podman-compose (tags v1.0.2 to v1.6.0). No 1.0.4 or 1.0.5 was
/// released: the devel branch called itself 1.0.4 from February 2022 until v1.0.6 (2023-04-09), and conda-forge lists
/// 1.0.3 then 1.0.6.
/// </remarks>
public static class RuntimeFacts
{
    private const string PodmanComposeRepository = "containers/podman-compose";

    /// <summary>The bug ADR-0043's fix runs into on Debian 12: network_mode: host plus the project network.</summary>
    public static readonly RuntimeFact PodmanComposeAddsProjectNetwork = new(
        "podman-compose/network-mode-also-gets-project-network",
        RuntimeTool.PodmanCompose,
        VersionRange.Between("1.0.2", "1.0.6"),
        "A service with network_mode (host, none, container:...) is also put on the project's networks: podman-compose passes "
        + "`--network host ... --net <project>_default --network-alias <service>` to podman.",
        "get_net_args() appends --net/--network-alias to every container since 872404c (2021-11-21, first released in 1.0.2); "
        + "issues containers/podman-compose#397, #406, #451, #512, #608, #961, #1186 (#1186: Debian 12, podman 4.3.1). "
        + "15e0ab9 (2022-01-12, \"FIXES #397\") fixed it on devel before any release, 9eda56c (2022-06-21, \"FIXES #507\") "
        + "brought it back, 265e0ca fixed it again; first release with the fix: v1.0.6 (f6dbce3, 2023-04-09).")
    {
        Commit = PodmanComposeRepository + "@265e0ca32a7a98c65fbd63f75108ded97bd14fae (2022-06-29, \"#512: only use --net when bridge\")",
        Verified = "podman-compose 1.0.3 --dry-run up -d prints `--network host --net <project>_default --network-alias <service>`; "
            + "the v1.0.6 podman_compose.py run the same way prints `--network host` alone, which podman 4.3.1 accepts",
    };

    public static readonly RuntimeFact PodmanRefusesHostWithSecondNetwork = new(
        "podman/host-network-with-second-network-refused",
        RuntimeTool.Podman,
        VersionRange.Since("4.0"),
        "podman refuses `--network host` together with any other --network/--net value: \"Error: cannot set multiple networks "
        + "without bridge network mode, selected mode host: invalid argument\"; the container is not created.",
        "Podman 4.0 takes several --network values and only bridge mode may have more than one; reported with podman 4.0.2 "
        + "(containers/podman-compose#530), 4.1.1 (#512) and 4.3.1 (#1186).")
    {
        Verified = "podman 4.3.1: `podman run --network host --net x --network-alias web IMAGE` fails with this error before the image is looked up",
    };

    public static readonly RuntimeFact PodmanThreeLaterNetworkWins = new(
        "podman/v3-later-network-wins",
        RuntimeTool.Podman,
        VersionRange.Before("4.0"),
        "With podman 3, the later `--net <project>_default` podman-compose 1.0.2 to 1.0.5 adds wins over `--network host`: "
        + "the container starts on the project network instead of the host's, without an error.",
        "containers/podman-compose#397 (podman 3.4.4: \"default network is also applied in the command line later and has "
        + "precedence\"), #406 (podman 3.4.4), #451 (podman 3.4.2).");

    public static readonly RuntimeFact PodmanNetworkAliasNeedsBridge = new(
        "podman/network-alias-needs-bridge",
        RuntimeTool.Podman,
        VersionRange.Since("4.3.1"),
        "podman refuses --network-alias unless the network mode is bridge: \"--network-alias can only be set when the network "
        + "mode is bridge: invalid argument\". podman-compose 1.0.2 to 1.0.5 adds it to every container, so a service whose "
        + "only network is an external network named host fails as well.",
        "podman run --network-alias (podman-run(1)); first release checked: 4.3.1.")
    {
        Verified = "podman 4.3.1: `podman run --net host --network-alias web IMAGE` fails with this error",
    };

    public static readonly RuntimeFact PodmanComposeExternalHostNetworkGetsAlias = new(
        "podman-compose/external-host-network-gets-alias",
        RuntimeTool.PodmanCompose,
        VersionRange.Between("1.0.2", "1.3.0"),
        "A service whose network is an external network named host gets `--net host --network-alias SERVICE` (1.0.x) or "
        + "`--network=host --network-alias=SERVICE` (1.1, 1.2), which podman 4 refuses (--network-alias needs bridge mode); "
        + "1.3.0 writes `--network=host:alias=SERVICE` instead.",
        "podman_compose.py get_net_args() of v1.0.3, v1.0.6, v1.2.0 and v1.3.0 (get_net_args_from_networks); "
        + "containers/podman-compose tests/integration/yamlmagic uses this form.")
    {
        Verified = "the --dry-run arguments of 1.0.3 (Debian) and of the v1.0.6, v1.2.0, v1.3.0 sources for `networks: [hostnet]` "
            + "with `hostnet: {external: true, name: host}`; podman 4.3.1 refuses the first three and accepts `--network=host:alias=agent`",
    };

    public static readonly RuntimeFact PodmanComposePassesNetworkModeVerbatim = new(
        "podman-compose/network-mode-passed-verbatim",
        RuntimeTool.PodmanCompose,
        VersionRange.Before("1.0.6"),
        "network_mode is passed to podman unchanged as `--network VALUE`, so `service:NAME` reaches podman, which refuses it "
        + "(\"invalid option for network service: unknown bridge network option: NAME\"); podman-compose translates "
        + "service:NAME to container:<its container> since 1.0.6.",
        "v1.0.3 podman_compose.py container_to_args(); translation added by 523d215 (2022-01-18, \"#407: allow "
        + "network_mode=service:mysrv\"), first released in v1.0.6; containers/podman-compose#593.")
    {
        Commit = PodmanComposeRepository + "@523d215b48481bd52f82248a608505460f9d6700",
        Verified = "podman-compose 1.0.3 --dry-run prints `--network service:db`; podman 4.3.1 refuses it with this error",
    };

    public static readonly RuntimeFact PodmanComposeUnknownModeIsFatal = new(
        "podman-compose/unknown-network-mode-fatal",
        RuntimeTool.PodmanCompose,
        VersionRange.Since("1.0.6"),
        "network_mode values other than bridge[...], host, none, service:NAME, container:NAME and slirp4netns:OPTIONS stop "
        + "podman-compose with \"unknown network_mode [VALUE]\" (1.1.0 adds Podman's own modes, see podman-network-modes).",
        "v1.0.6 podman_compose.py get_net_args(); the else branch came with 9eda56c (2022-06-21).")
    {
        Commit = PodmanComposeRepository + "@9eda56caf9973d1cc38b80dafc8ed196ecada217",
    };

    public static readonly RuntimeFact PodmanComposePodmanNetworkModes = new(
        "podman-compose/podman-network-modes",
        RuntimeTool.PodmanCompose,
        VersionRange.Since("1.1.0"),
        "network_mode also accepts Podman's own modes, passed on as --network=VALUE: slirp4netns[:OPTIONS], pasta[:OPTIONS], "
        + "private and ns:PATH (1.0.6 accepted slirp4netns only with options).",
        "docs/Extensions.md \"Podman-specific network modes\"; 953534a (2024-03-21, \"Support and document all "
        + "podman-specific network_modes\"), first released in v1.1.0 (2024-04-19).")
    {
        Commit = PodmanComposeRepository + "@953534a71a436f45959a1c3e794f2f015ea52428",
    };

    public static readonly RuntimeFact PodmanComposeIgnoresNone = new(
        "podman-compose/network-mode-none-ignored",
        RuntimeTool.PodmanCompose,
        VersionRange.Between("1.0.6", "1.3.0"),
        "network_mode: none adds no network argument, so the container gets Podman's default network instead of none.",
        "containers/podman-compose#1001 (podman-compose 1.2.0); fixed by e2eb883 (2024-07-15), first released in v1.3.0 (2025-01-07).")
    {
        Commit = PodmanComposeRepository + "@e2eb883709749aea734610220bae2d4a2dbdd553",
    };

    public static readonly RuntimeFact PodmanComposeRefusesModeWithNetworks = new(
        "podman-compose/network-mode-with-networks-refused",
        RuntimeTool.PodmanCompose,
        VersionRange.Since("1.3.0"),
        "A service with both network_mode and networks is refused: \"networks and network_mode must not be present in the "
        + "same service [NAME]\".",
        "2891be0 (2024-12-18, \"Ensure that network_mode and networks are not present at the same time\"), first released in v1.3.0.")
    {
        Commit = PodmanComposeRepository + "@2891be01d75920503d70d55b659d594cc589c6c8",
    };

    public static readonly RuntimeFact ComposeRefusesModeWithNetworks = new(
        "compose/network-mode-with-networks-refused",
        RuntimeTool.ComposeV2,
        VersionRange.Always,
        "A service with both network_mode and networks is refused: \"service NAME declares mutually exclusive `network_mode` "
        + "and `networks`: invalid compose project\".",
        "compose-spec/compose-go loader/validate.go checkConsistency().");

    public static readonly RuntimeFact PodmanComposeWithoutPods = new(
        "podman-compose/no-pods",
        RuntimeTool.PodmanCompose,
        VersionRange.Before("1.0.6"),
        "No pod is created (tr_identity) and there is no --in-pod option: `podman-compose --in-pod=false` exits with "
        + "\"unrecognized arguments\"; top-level `x-podman:` is not read.",
        "v1.0.3 podman_compose.py (tr_identity, _init_global_parser).")
    {
        Verified = "podman-compose 1.0.3 --dry-run prints no `pod create` and no --pod; --in-pod=false is refused",
    };

    public static readonly RuntimeFact PodmanComposeInPodOption = new(
        "podman-compose/in-pod-option",
        RuntimeTool.PodmanCompose,
        VersionRange.Since("1.0.6"),
        "`--in-pod` puts the containers in a pod pod_<project> made with `--pod-args` (default `--infra=false --share=`, "
        + "which shares no namespace, so each container keeps its own --network). In 1.0.6 no pod is the default and any "
        + "non-empty value turns it on (argparse type=bool, so --in-pod=false too); a pod is the default since 1.1.0 and "
        + "--in-pod=false means no pod since 1.2.0.",
        "v1.0.6 and v1.1.0 podman_compose.py _init_global_parser(); 70a0e2d (2024-04-28, \"Fix handling of --in-pod argument\"), first released in v1.2.0.")
    {
        Commit = PodmanComposeRepository + "@70a0e2d003eaa432096cbfd30d395c1849ec0f1e",
    };

    public static readonly RuntimeFact PodmanComposeXPodmanInPod = new(
        "podman-compose/x-podman-in-pod",
        RuntimeTool.PodmanCompose,
        VersionRange.Since("1.2.0"),
        "Top-level `x-podman: {in_pod: false}` (or PODMAN_COMPOSE_IN_POD) sets --in-pod from the file; the command line wins.",
        "docs/Extensions.md \"Custom pods management\"; 360b85b (2024-06-03), first released in v1.2.0 (2024-06-26).")
    {
        Commit = PodmanComposeRepository + "@360b85bf2d70ad0c36e34225cba1a63d2708732c",
    };

    public static readonly RuntimeFact PodmanComposeXPodmanPodArgs = new(
        "podman-compose/x-podman-pod-args",
        RuntimeTool.PodmanCompose,
        VersionRange.Since("1.4.0"),
        "Top-level `x-podman: {pod_args: [...]}` (or PODMAN_COMPOSE_POD_ARGS) replaces the pod create arguments "
        + "(default [\"--infra=false\", \"--share=\"]); --pod-args on the command line wins.",
        "docs/Extensions.md \"Custom pods management\"; 43a2f1d (2025-02-07), first released in v1.4.0 (2025-05-10).")
    {
        Commit = PodmanComposeRepository + "@43a2f1d01fb35b23c47c310638ced9689d02c511",
    };

    public static readonly RuntimeFact PodmanComposeRunArgsComeFirst = new(
        "podman-compose/podman-run-args-come-first",
        RuntimeTool.PodmanCompose,
        VersionRange.Always,
        "`--podman-run-args ARGS` are inserted right after `run`/`create`, before podman-compose's own arguments: they add "
        + "options but cannot remove the project network podman-compose 1.0.2 to 1.0.5 appends.",
        "podman_compose.py Podman.run()/get_podman_args() (v1.0.3 to v1.6.0).")
    {
        Verified = "podman-compose 1.0.3 --podman-run-args=--network=host --dry-run up -d prints `run --network=host ... --net "
            + "<project>_default --network-alias web`, which podman 4.3.1 refuses",
    };

    public static readonly RuntimeFact PodmanComposeReadsNoPodmanArgsKey = new(
        "podman-compose/no-service-podman-args-key",
        RuntimeTool.PodmanCompose,
        VersionRange.Always,
        "No release reads a service key `podman_args` (or `podman_run_args`): per-service podman arguments are an open "
        + "feature request. podman-compose's own keys are `x-podman` (top level: in_pod, pod_args, ...) and `x-podman.*` "
        + "keys in a service (uidmaps, gidmaps, rootfs, no_hosts, ...).",
        "podman_compose.py of every tag from v0.1.5 to v1.6.0 (no lookup of podman_args); containers/podman-compose#362; docs/Extensions.md.");

    public static readonly RuntimeFact PodmanComposeServiceKeysOutsideSpec = new(
        "podman-compose/service-keys-outside-spec",
        RuntimeTool.PodmanCompose,
        VersionRange.Always,
        "podman-compose reads three service keys the compose specification does not have: `publishall: true` (podman run -P) "
        + "and `init-path` in every release, and `http_proxy: false` (--http-proxy=false) since 1.1.0. Compose refuses them.",
        "podman_compose.py container_to_args() of v1.0.2 to v1.6.0 (cnt.get(\"publishall\"), cnt.get(\"init-path\")); "
        + "c98cbaa (2024-03-09, \"Fix #782: add support for http_proxy\"), first released in v1.1.0 (docs/Changelog-1.1.0.md).")
    {
        Commit = PodmanComposeRepository + "@c98cbaaaf046699835a1d15f1df167b056d1eb92",
    };

    public static readonly RuntimeFact PodmanComposeIgnoresUnknownKeys = new(
        "podman-compose/unknown-keys-ignored",
        RuntimeTool.PodmanCompose,
        VersionRange.Always,
        "podman-compose does not check the file against the compose schema: a service key it does not read (a misspelled "
        + "`network-mode`), `network_mode` at the top level or under `deploy:` is ignored without a word, so the service "
        + "starts on the project network.",
        "podman_compose.py v1.0.2 to v1.6.0: no schema validation, service settings are read with cnt.get().")
    {
        Verified = "podman-compose 1.0.3 --dry-run up -d on services with `network-mode: host`, `deploy: {network_mode: host}` "
            + "and a top-level `network_mode: host`: each gets `--net <project>_default` and no --network host",
    };

    public static readonly RuntimeFact ComposeRefusesUnknownKeys = new(
        "compose/unknown-keys-refused",
        RuntimeTool.ComposeV2,
        VersionRange.Always,
        "Compose checks the file against the compose specification's schema before it starts anything: a service key the "
        + "schema does not list (other than x-...), `network_mode` at the top level or under `deploy:`, and `networks:` given "
        + "as a string are refused.",
        "compose-spec/compose-go schema/compose-spec.json (service and deployment: additionalProperties false, patternProperties ^x-; "
        + "service networks: a list or a mapping).")
    {
        Verified = "docker-compose 1.29.2 `config`: \"Unsupported config option for services.typo: 'network-mode'\", "
            + "\"'network_mode' does not match any of the regexes: '^x-'\", \"services.web.networks contains an invalid type, "
            + "it should be an array, or an object\"",
    };

    public static readonly RuntimeFact ComposeServiceKeySet = new(
        "compose/service-keys",
        RuntimeTool.ComposeV2,
        VersionRange.Always,
        "A service takes the keys of the compose specification's service schema (93, listed in ComposeServiceKeys) and keys "
        + "starting with x-. Fourteen are newer than the copy of the specification docker-compose 1.29 carries (annotations, "
        + "attach, cgroup, develop, gpus, label_file, models, post_start, pre_start, pre_stop, provider, pull_refresh_after, "
        + "use_api_socket, uts), so 1.29 refuses them.",
        "compose-spec/compose-go schema/compose-spec.json $defs.service.properties at e70e961c3a3acebf0800b882f1afb3dbf1fb74a2 (2026-07-21); the first "
        + "compose-go release of each newer key from `git log -S` on that file; docker-compose 1.29.2 compose/config/compose_spec.json.")
    {
        Verified = "the key list of docker-compose 1.29.2's compose_spec.json is the table's minus the fourteen newer keys",
    };

    public static readonly RuntimeFact PodmanComposeOptionsOf106 = new(
        "podman-compose/options-since-1.0.6",
        RuntimeTool.PodmanCompose,
        VersionRange.Since("1.0.6"),
        "The global options --in-pod, --pod-args and --env-file exist since 1.0.6; podman-compose 1.0.2 and 1.0.3 stop with "
        + "\"unrecognized arguments\", so a unit that passes one of them runs 1.0.6 or later.",
        "podman_compose.py _init_global_parser() of v1.0.3 and v1.0.6.")
    {
        Verified = "podman-compose 1.0.3 refuses each with \"unrecognized arguments\"; the v1.0.6 podman_compose.py accepts them",
    };

    public static readonly RuntimeFact PodmanComposeOptionsOf110 = new(
        "podman-compose/options-since-1.1.0",
        RuntimeTool.PodmanCompose,
        VersionRange.Since("1.1.0"),
        "The global options --profile and --parallel exist since 1.1.0; earlier releases stop with \"unrecognized arguments\", "
        + "so a unit that passes one of them runs 1.1.0 or later.",
        "podman_compose.py _init_global_parser() of v1.0.6 and v1.1.0; docs/Changelog-1.1.0.md.")
    {
        Verified = "podman-compose 1.0.3 refuses each with \"unrecognized arguments\"",
    };

    public static readonly RuntimeFact PodmanComposeOldHostNetworkWorkarounds = new(
        "podman-compose/host-network-workarounds-1.0.3",
        RuntimeTool.PodmanCompose,
        VersionRange.Between("1.0.2", "1.0.6"),
        "No compose-file or command-line change gives a service the host network with podman 4: `x-podman: {in_pod: false}` "
        + "is not read, `networks: []` falls back to the default network, an external network named host still gets "
        + "--network-alias, and --podman-run-args only adds options. What works: podman-compose 1.0.6 or later (for example "
        + "from pip), or starting that container without podman-compose (a unit running `podman run --network host`, or "
        + "`podman pod create --network host` and `podman run --pod`).",
        "podman_compose.py v1.0.3 get_net_args() (always --net and --network-alias) and v1.0.6 (only for bridge).")
    {
        Verified = "each candidate run through podman-compose 1.0.3 --dry-run up -d and the printed arguments through podman 4.3.1: "
            + "all refused (multiple networks, or --network-alias without bridge); the v1.0.6 arguments are accepted",
    };

    public static readonly RuntimeFact PodmanNetworkModes = new(
        "podman/network-modes",
        RuntimeTool.Podman,
        VersionRange.Since("4.4"),
        "`podman run --network` takes bridge[:OPTIONS], none, host, private, container:ID, ns:PATH, slirp4netns[:OPTIONS], "
        + "pasta[:OPTIONS], or the names of networks; the first value sets the mode and only bridge takes further networks.",
        "podman-run(1) --network; pasta is supported since Podman 4.4 (blog.podman.io, \"Podman 5.0 has been released\").")
    {
        Verified = "podman 4.3.1's argument check accepts host, none, private, slirp4netns, pasta, ns:/proc/1/ns/net and "
            + "container:abc (pasta needs 4.4 to run)",
    };

    public static readonly RuntimeFact PodmanPodSharesNetwork = new(
        "podman/pod-members-share-network",
        RuntimeTool.Podman,
        VersionRange.Always,
        "A container started with --pod P shares the network namespace of P's infra container (`podman pod create --network "
        + "host` puts every member on the host network) and may not set its own network, ports or hosts: \"network cannot "
        + "be configured when it is shared with a pod\". A pod made with --infra=false --share= (podman-compose's default) "
        + "shares nothing, so its members keep their own networks.",
        "podman-pod-create(1) --network and --share; libpod/define/errors.go ErrNetworkOnPodContainer.");

    public static readonly RuntimeFact PodmanRefusesPortsOfPodMembers = new(
        "podman/pod-member-ports-refused",
        RuntimeTool.Podman,
        VersionRange.Always,
        "A container that joins a pod sharing its network (--pod P, a quadlet's Pod=) may not publish ports: podman refuses "
        + "to create it, \"published or exposed ports must be defined when the pod is created: network cannot be configured "
        + "when it is shared with a pod\". The pod publishes them (`podman pod create -p`, PublishPort= in the .pod file).",
        "containers/podman pkg/specgen/container_validate.go SpecGenerator.Validate() (s.Pod set, NetNS from the pod, "
        + "PortMappings or PublishExposedPorts); podman-run(1) --publish (\"the port must only be published by the pod itself\").");

    public static readonly RuntimeFact QuadletIntroduced = new(
        "quadlet/introduced",
        RuntimeTool.Quadlet,
        VersionRange.Since("4.4.0"),
        "Quadlet (.container, .volume, later .network, .kube, .image) ships with Podman 4.4.0; the podman 4.3.1 Debian 12 "
        + "ships has no quadlet generator, so quadlet files are not turned into services there.",
        "github.com/containers/podman/releases/tag/v4.4.0 (\"Introduce Quadlet, a new systemd-generator\").")
    {
        Verified = "Debian 12's podman 4.3.1+ds1-8+deb12u1 installs no /usr/libexec/podman/quadlet",
    };

    public static readonly RuntimeFact QuadletPodUnits = new(
        "quadlet/pod-units",
        RuntimeTool.Quadlet,
        VersionRange.Since("5.0.0"),
        "`.pod` units: `Network=host` in [Pod] becomes `podman pod create --network host`, and every .container with "
        + "`Pod=NAME.pod` runs with `--pod systemd-NAME`, so it shares that network; the pod owns the ports (PublishPort=).",
        "podman-pod.unit(5) / podman-systemd.unit(5) (.pod is not among the unit types of the 4.9.3 manual); "
        + "podlet 0.3.0 release notes (\"Quadlet options introduced in Podman v5.0.0 ... .pod files\").");

    public static readonly RuntimeFact QuadletPodmanArgs = new(
        "quadlet/podman-args",
        RuntimeTool.Quadlet,
        VersionRange.Since("4.4.0"),
        "`PodmanArgs=` is added to the end of the generated `podman run`, after the options quadlet writes for its own keys "
        + "(Network= among them): `PodmanArgs=--network=host` (or --net=host, --network host) gives a container without "
        + "Network= the host network.",
        "podman-systemd.unit(5) PodmanArgs= (\"passed directly to the end of the `podman run` command in the generated file "
        + "(right before the image name in the command line)\").");

    public static readonly RuntimeFact SystemdRunWrapsCommand = new(
        "systemd/systemd-run-wraps-command",
        RuntimeTool.Systemd,
        VersionRange.Always,
        "`systemd-run [OPTIONS] COMMAND [ARGS]` runs COMMAND in a transient unit; options before COMMAND that take a value: "
        + "-u/--unit, -p/--property, --description, --slice, -E/--setenv, --uid, --gid, --nice, --working-directory, "
        + "-H/--host, -M/--machine, --service-type, --path-property, --socket-property, --timer-property and the --on-* timers.",
        "systemd-run(1); `systemd-run --help` of systemd 252.")
    {
        Verified = "systemd-run --help, systemd 252.38-1~deb12u1",
    };

    public static readonly RuntimeFact ComposeV1RejectsNewerSpec = new(
        "docker-compose/v1-rejects-newer-spec",
        RuntimeTool.ComposeV1,
        VersionRange.Before("2.0"),
        "docker-compose 1.29 (`config`) rejects files that use newer compose-spec features: `include:`, `!reset`/`!override` "
        + "tags, unknown keys; it needs no daemon for `config`.",
        "docker-compose 1.29.2 compose/config (schema per file version).")
    {
        Verified = "docker-compose 1.29.2 `config` over ../shared/corpus: ConfigurationError for those files",
    };

    /// <summary>Every fact, in the order above (the rule pages' table order).</summary>
    public static ImmutableArray<RuntimeFact> All { get; } =
    [
        PodmanComposeAddsProjectNetwork,
        PodmanRefusesHostWithSecondNetwork,
        PodmanThreeLaterNetworkWins,
        PodmanNetworkAliasNeedsBridge,
        PodmanComposeExternalHostNetworkGetsAlias,
        PodmanComposePassesNetworkModeVerbatim,
        PodmanComposeUnknownModeIsFatal,
        PodmanComposePodmanNetworkModes,
        PodmanComposeIgnoresNone,
        PodmanComposeRefusesModeWithNetworks,
        ComposeRefusesModeWithNetworks,
        PodmanComposeWithoutPods,
        PodmanComposeInPodOption,
        PodmanComposeXPodmanInPod,
        PodmanComposeXPodmanPodArgs,
        PodmanComposeRunArgsComeFirst,
        PodmanComposeReadsNoPodmanArgsKey,
        PodmanComposeServiceKeysOutsideSpec,
        PodmanComposeIgnoresUnknownKeys,
        ComposeRefusesUnknownKeys,
        ComposeServiceKeySet,
        PodmanComposeOptionsOf106,
        PodmanComposeOptionsOf110,
        PodmanComposeOldHostNetworkWorkarounds,
        PodmanNetworkModes,
        PodmanPodSharesNetwork,
        PodmanRefusesPortsOfPodMembers,
        QuadletIntroduced,
        QuadletPodUnits,
        QuadletPodmanArgs,
        SystemdRunWrapsCommand,
        ComposeV1RejectsNewerSpec,
    ];

    /// <summary>
    /// podman-compose's global options that older releases refuse, with the fact that says since when they exist: a unit
    /// that passes one shows that its podman-compose is at least that release.
    /// </summary>
    public static IReadOnlyDictionary<string, RuntimeFact> PodmanComposeOptionsIntroducedBy { get; } = new Dictionary<string, RuntimeFact>(StringComparer.Ordinal)
    {
        ["--in-pod"] = PodmanComposeOptionsOf106,
        ["--pod-args"] = PodmanComposeOptionsOf106,
        ["--env-file"] = PodmanComposeOptionsOf106,
        ["--profile"] = PodmanComposeOptionsOf110,
        ["--parallel"] = PodmanComposeOptionsOf110,
    };
}
