using System.Collections.Immutable;

namespace HostNetLint.Model;

/// <summary>Inputs to model building that do not come from the files themselves.</summary>
public sealed record ModelOptions
{
    public static ModelOptions Default { get; } = new();

    /// <summary>Directory names never descended into.</summary>
    public ImmutableArray<string> SkippedDirectories { get; init; } = [".git", "bin", "obj", "node_modules"];

    /// <summary>Globs (relative to the root, forward slashes) of files and directories to leave out.</summary>
    public ImmutableArray<string> Exclude { get; init; } = [];

    /// <summary>
    /// Variables for interpolation when the project's <c>.env</c> does not set them. The process
    /// environment is not read unless the host puts it here, so results are deterministic.
    /// </summary>
    public ImmutableDictionary<string, string> Environment { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// Install paths and where they live in the repository (<c>/opt/airflow</c> -> <c>airflow</c>), for
    /// compose files named by units. Longest prefix wins; without a match, a unique trailing-segment match is used.
    /// </summary>
    public ImmutableDictionary<string, string> PathMappings { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// File contents (by full path) read instead of the bytes on disk: a fix pass re-lints its results before
    /// anything is written, and a language server lints its unsaved buffers. Only existing files are replaced, with one
    /// exception: a path named to <see cref="DeploymentModelBuilder.Build"/> that is not on disk yet (an editor's new
    /// buffer) is read from the overlay as a file of its own. Discovery never finds an overlay-only file: a unit that
    /// names it, or a directory walk, sees it once it is saved.
    /// </summary>
    public ImmutableDictionary<string, byte[]> Overlay { get; init; } = ImmutableDictionary<string, byte[]>.Empty;

    public Parsing.Yaml.YamlParseLimits YamlLimits { get; init; } = Parsing.Yaml.YamlParseLimits.Default;

    /// <summary>
    /// Threads that read and parse a walked tree's files ahead of the model (see <c>ReadAhead</c>): null for one
    /// fewer than the cores (at most three), 0 for none. The model is the same either way; tests compare the two.
    /// </summary>
    internal int? ReadAheadThreads { get; init; }

    /// <summary>
    /// Compose stacks declared by the user (<c>projects:</c> in hostnetlint.yaml), as <c>COMPOSE_FILE</c> and units declare
    /// them. A declared stack replaces the stacks discovery would guess for its files: no default, variant or sniffed
    /// run is made from a file any declared stack names.
    /// </summary>
    public ImmutableArray<DeclaredProject> Projects { get; init; } = [];
}

/// <summary>
/// One stack of <see cref="ModelOptions.Projects"/>: what <c>docker compose -p NAME -f F1 -f F2 --env-file E --profile P</c>
/// would run. Paths are relative to the linted root, with forward slashes.
/// </summary>
/// <param name="Name">The project name (compose's <c>-p</c>).</param>
/// <param name="Files">The compose files in load order; the project directory is the first file's.</param>
public sealed record DeclaredProject(string Name, ImmutableArray<string> Files)
{
    /// <summary>Env files read instead of the project directory's <c>.env</c>, later ones winning (compose's <c>--env-file</c>).</summary>
    public ImmutableArray<string> EnvFiles { get; init; } = [];

    /// <summary>Active profiles instead of <c>COMPOSE_PROFILES</c> (compose's <c>--profile</c>).</summary>
    public ImmutableArray<string> Profiles { get; init; } = [];
}
