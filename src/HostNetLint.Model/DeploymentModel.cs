using System.Collections.Immutable;
using HostNetLint.Model.Compose;
using HostNetLint.Model.Workloads;
using HostNetLint.Parsing;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Model;

/// <summary>Everything the rules see of one linted root: the files, the compose projects and their workloads.</summary>
public sealed class DeploymentModel
{
    public required string Root { get; init; }

    private Dictionary<SourceText, SourceDocument>? documentsByText;

    /// <summary>Every file that was read, with its parse result.</summary>
    public ImmutableArray<SourceDocument> Documents { get; init; } = [];

    public ImmutableArray<ComposeProject> ComposeProjects { get; init; } = [];

    public ImmutableArray<Workload> Workloads { get; init; } = [];

    /// <summary>systemd units and Podman quadlets that start workloads (and those that start none, for completeness).</summary>
    public ImmutableArray<Units.ServiceUnit> Units { get; init; } = [];

    /// <summary>Problems found while building the model (a referenced file missing or outside the root).</summary>
    public ImmutableArray<ModelProblem> Problems { get; init; } = [];

    /// <summary>
    /// Why each file was read and as which project, and which files were seen and left out (with the reason), in
    /// path order; <see cref="Discovery.FileDiscoveryFormat"/> renders it for <c>--list-files</c>.
    /// </summary>
    public ImmutableArray<Discovery.FileDiscovery> Discovery { get; init; } = [];

    /// <summary>The names this model's workloads are known by and refer to across files; see <see cref="SeparateDeployments"/>.</summary>
    internal DeploymentLinks Links { get; init; } = DeploymentLinks.None;

    /// <summary>
    /// The document whose text is <paramref name="text"/> (a <see cref="Location.Source"/>), or null. Found by an index
    /// built on first use, so a rule may ask once per finding without scanning every document.
    /// </summary>
    public SourceDocument? DocumentOf(SourceText text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // SourceText compares by reference. A race builds the same index twice at worst.
        documentsByText ??= Documents.DistinctBy(d => d.Text).ToDictionary(d => d.Text);
        return documentsByText.GetValueOrDefault(text);
    }
}

public enum ModelProblemKind
{
    /// <summary>A file named by <c>extends</c>, <c>include</c>, <c>env_file</c> or an Exec line does not exist (or, for an install path, matches no file in the root).</summary>
    ReferenceMissing,

    /// <summary>A referenced file lies outside the linted root; it is not read.</summary>
    ReferenceOutsideRoot,

    /// <summary>
    /// An env file that is missing on purpose: the repository's <c>.gitignore</c> keeps it out of git (secrets), or a
    /// unit names it by an install path that matches no file in the root (it is provisioned on the host).
    /// </summary>
    ReferenceKeptOutOfRepository,

    /// <summary>An env file assignment whose value would grow past a limit (<c>.env</c> variables that reference each other).</summary>
    LimitExceeded,
}

/// <summary>A problem found while building the model; <see cref="Related"/> lists the other places it concerns.</summary>
public sealed record ModelProblem(ModelProblemKind Kind, Location Location, string Message)
{
    public ImmutableArray<ModelProblemSite> Related { get; init; } = [];
}

/// <summary>Another place a <see cref="ModelProblem"/> concerns, such as a second service that reads the same missing file.</summary>
public sealed record ModelProblemSite(Location Location, string Message);

/// <summary>One file the model read: its text, its parse problems, and its YAML tree when it is YAML.</summary>
public sealed class SourceDocument
{
    public required string Path { get; init; }

    public required SourceText Text { get; init; }

    public Parsing.Yaml.YamlSyntaxTree? Yaml { get; init; }

    public ImmutableArray<ParseProblem> Problems { get; init; } = [];

    /// <summary>False when the file could not be parsed completely; it is reported, not analysed, never fixed.</summary>
    public bool IsAnalyzable { get; init; } = true;
}
