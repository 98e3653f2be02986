using System.Collections.Immutable;
using HostNetLint.Model.Workloads;

namespace HostNetLint.Model.Compose;

/// <summary>The program a unit runs a compose project with; each decides networks its own way (see <see cref="Runtime.RuntimeFacts"/>).</summary>
public enum ComposeTool
{
    /// <summary><c>podman-compose</c>.</summary>
    PodmanCompose,

    /// <summary><c>docker compose</c>: the Compose v2 plugin.</summary>
    DockerCompose,

    /// <summary>
    /// <c>docker-compose</c>: Compose v1 (Python; Debian 12 ships 1.29.2) or Compose v2's standalone binary, which
    /// share the name; the files cannot tell which.
    /// </summary>
    DockerComposeStandalone,

    /// <summary><c>podman compose</c>: Podman (4.7 and later) runs an external provider, docker-compose or podman-compose.</summary>
    PodmanComposeCommand,
}

/// <summary>
/// An <c>Exec*=</c> line of a unit that runs compose on a project, with the options that decide what starts and how:
/// the tool, <c>-f</c>, <c>-p</c>, <c>--profile</c>, podman-compose's <c>--podman-run-args</c>, <c>--in-pod</c> and
/// <c>--pod-args</c>, and the subcommand with the services it names. A project without starters is started some other
/// way (by hand, from CI, by files outside the linted root): which tool runs it is unknown.
/// </summary>
public sealed record ComposeStarter
{
    public required ComposeTool Tool { get; init; }

    /// <summary>The unit whose Exec line it is, e.g. <c>airflow.service</c>.</summary>
    public required string UnitName { get; init; }

    /// <summary>The program as written (<c>/usr/bin/podman-compose</c>, <c>docker</c>); findings about the starter point here.</summary>
    public required ModelValue Program { get; init; }

    /// <summary><c>up</c>, <c>pull</c>, <c>down</c>, ...; null when the line names no subcommand.</summary>
    public ModelValue? Subcommand { get; init; }

    /// <summary>True for the subcommands that create or start containers: up, run, start, create, restart.</summary>
    public bool StartsContainers => Subcommand?.Text is "up" or "run" or "start" or "create" or "restart";

    /// <summary>The services the subcommand names (<c>up -d web db</c>); empty means all of them (for <c>up</c>).</summary>
    public ImmutableArray<ModelValue> Services { get; init; } = [];

    public ImmutableArray<ModelValue> Files { get; init; } = [];

    /// <summary><c>-p</c>/<c>--project-name</c>.</summary>
    public ModelValue? ProjectName { get; init; }

    /// <summary><c>--profile</c> values, in order.</summary>
    public ImmutableArray<ModelValue> Profiles { get; init; } = [];

    /// <summary>podman-compose's <c>--podman-run-args</c> values, each one string of podman options.</summary>
    public ImmutableArray<ModelValue> PodmanRunArgs { get; init; } = [];

    /// <summary>podman-compose's <c>--podman-args</c> (global podman options) values.</summary>
    public ImmutableArray<ModelValue> PodmanArgs { get; init; } = [];

    /// <summary>podman-compose's <c>--in-pod</c> (1.0.6 and later); null when not given.</summary>
    public ModelValue? InPod { get; init; }

    /// <summary>podman-compose's <c>--pod-args</c> (1.0.6 and later); null when not given.</summary>
    public ModelValue? PodArgs { get; init; }

    /// <summary>
    /// Every option before the subcommand that takes a value, under its long name (<c>-f</c> is <c>--file</c>), in order:
    /// what the properties above are read from, and what shows which release of the tool the unit needs.
    /// </summary>
    public ImmutableArray<ComposeOption> Options { get; init; } = [];
}

/// <summary>An option of a compose command line, under its long name, with its value as written.</summary>
public sealed record ComposeOption(string Flag, ModelValue Value);
