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
}
