using System.Collections.Immutable;
using HostNetLint.Hosting.Configuration;

namespace HostNetLint.Hosting;

/// <summary>
/// Everything a host knows before a lint run: the root and its settings sources, the paths the user named,
/// the baseline, and what to do with fixes. Hosts build this from their options and hand it to <see cref="LintRun"/>.
/// </summary>
public sealed record LintRequest
{
    /// <summary>The linted root and the host's settings layer (config file, severities, fail level, exclude, …).</summary>
    public required LintSettingsRequest Settings { get; init; }

    /// <summary>
    /// Full paths of the files and directories named; empty means the root. The model reads what they need, but
    /// findings are reported and fixed only in them (see <see cref="ReportScope"/>).
    /// </summary>
    public ImmutableArray<string> Paths { get; init; } = [];

    /// <summary>
    /// Report and fix findings in every file read, not only in <see cref="Paths"/>: for a host whose path list is a
    /// default standing for the whole root (the MSBuild task without <c>HostNetLintFile</c> items).
    /// </summary>
    public bool ReportAll { get; init; }

    /// <summary>
    /// Full paths whose findings are reported and fixed when that is narrower than <see cref="Paths"/>: a language server
    /// reads the whole root for context but fixes one file. Empty means <see cref="Paths"/>.
    /// </summary>
    public ImmutableArray<string> Scope { get; init; } = [];

    /// <summary>A SARIF baseline to read: findings it knows are counted, not reported.</summary>
    public string? BaselineFile { get; init; }

    /// <summary>Where to record today's findings as a baseline (written before <see cref="BaselineFile"/> is applied).</summary>
    public string? WriteBaselineFile { get; init; }

    public FixMode Fix { get; init; }

    /// <summary>
    /// Build the model and stop: no rules, no fixes, no baseline (<c>check --list-files</c> needs only the discovery
    /// record). The outcome has the model and no findings.
    /// </summary>
    public bool ModelOnly { get; init; }

    /// <summary>
    /// The host renders the findings and nothing of the model (a command-line check, a build). Deployment trees that
    /// share nothing may then be modelled and linted a batch at a time (<see cref="SeparateDeployments"/>): the outcome
    /// has no model, and its findings keep their files' line maps but not their texts (<see cref="Parsing.Text.SourceText.WithoutText"/>).
    /// </summary>
    public bool FindingsOnly { get; init; }

    /// <summary>With <see cref="FindingsOnly"/>: the report shows fixes (SARIF, JSON), so they are made before the model goes.</summary>
    public bool ReportsFixes { get; init; }

    /// <summary>
    /// With <see cref="FindingsOnly"/>: a collection of the young generations after each batch, for a process that runs
    /// one lint and exits (the CLI). A batch's model is then reclaimed for the cost of its findings, instead of being
    /// copied into the oldest generation by the next batch's allocations; a host that shares its heap (MSBuild) leaves
    /// that to its own collector.
    /// </summary>
    public bool CollectsBetweenBatches { get; init; }

    /// <summary>
    /// With <see cref="FindingsOnly"/>: about how many files a batch of separate deployment trees holds. A file of the
    /// ADR-shaped benchmark allocates about 80 KB on its way through the lint, so 150 files fit the CLI's 16 MiB young
    /// generation and a batch's model is collected young (<see cref="CollectsBetweenBatches"/>).
    /// </summary>
    public int FilesPerBatch { get; init; } = 150;

    /// <summary>Rule IDs whose fixes are applied; empty means every rule with a fix.</summary>
    public ImmutableHashSet<string> FixRules { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary>The linted root (full path).</summary>
    public string Root => Settings.Root;
}
