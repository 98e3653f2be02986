namespace HostNetLint.Model.Discovery;

/// <summary>Why a file was read (or seen and left out), for <c>hostnetlint check --list-files</c>.</summary>
public enum DiscoveryReason
{
    /// <summary>A name compose looks for without <c>-f</c>: <c>compose.yaml</c>, <c>docker-compose.yml</c>, their overrides, podman-compose's names.</summary>
    DefaultName,

    /// <summary>Named by <c>COMPOSE_FILE</c> in the project directory's <c>.env</c>.</summary>
    ComposeFileVariable,

    /// <summary>A file of a stack declared in <c>projects:</c> (hostnetlint.yaml).</summary>
    DeclaredProject,

    /// <summary>Run over the base file beside it, as <c>-f base -f variant</c> (a run of its own, an alternative to the base's).</summary>
    Variant,

    /// <summary>A compose-like name (<c>docker-compose.test.yml</c>, <c>web.compose.yaml</c>) run on its own: no base file beside it.</summary>
    ComposeLikeName,

    /// <summary>Any other YAML file whose top-level <c>services:</c> give a service an image or a build, run on its own.</summary>
    SniffedServices,

    /// <summary>Named on the command line.</summary>
    Named,

    /// <summary>Run by a compose command in a systemd unit.</summary>
    StartedByUnit,

    /// <summary>Read through another file's <c>include:</c>.</summary>
    Include,

    /// <summary>Read through another file's <c>extends: file:</c>.</summary>
    Extends,

    /// <summary>An env file a workload reads (<c>env_file:</c>, <c>--env-file</c>, <c>EnvironmentFile=</c>).</summary>
    EnvFile,

    /// <summary>A project directory's <c>.env</c> (variables for interpolation, <c>COMPOSE_*</c> settings).</summary>
    ProjectEnvFile,

    /// <summary>A systemd unit, Podman quadlet or drop-in.</summary>
    Unit,

    /// <summary>Read for a unit or quadlet in another way (a kube YAML).</summary>
    ReferencedByUnit,

    /// <summary>Seen, but not linted; <see cref="FileDiscovery.Detail"/> says why.</summary>
    NotLinted,
}

/// <summary>
/// Why one file was read and as which project (or why it was seen and left out). A file read for several projects
/// (a base file and its variants' runs, a shared env file) has a record per project that names it for its own reason.
/// </summary>
/// <param name="Path">Root-relative, forward slashes (as <see cref="SourceDocument.Path"/>).</param>
/// <param name="Project">The compose project (or unit) the file was read for; null when it was not linted or belongs to none.</param>
/// <param name="Reason">Which discovery rule took it (or left it out).</param>
/// <param name="Detail">The reason in words, with what decided it (which setting, which file, which service).</param>
public sealed record FileDiscovery(string Path, string? Project, DiscoveryReason Reason, string Detail)
{
    public bool IsLinted => Reason != DiscoveryReason.NotLinted;

    public override string ToString() => FileDiscoveryFormat.Line(this);
}
