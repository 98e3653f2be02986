using System.Collections.Immutable;
using HostNetLint.Fixes;
using HostNetLint.Model;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Suppressions;

namespace HostNetLint.Hosting;

/// <summary>
/// What a lint run produced, for a host to render. When <see cref="ConfigurationProblems"/> is not empty the
/// configuration could not be read and nothing was linted; when <see cref="BaselineError"/> is set the baseline
/// could not be read and nothing is reported.
/// </summary>
public sealed record LintOutcome
{
    /// <summary>Where relative finding paths start: the model's root (full path).</summary>
    public required string Root { get; init; }

    /// <summary>The findings to report: not suppressed, not switched off, not known to the baseline.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>Findings that inline comments suppressed (SARIF may show them).</summary>
    public ImmutableArray<SuppressedDiagnostic> Suppressed { get; init; } = [];

    /// <summary>How many findings the baseline already knew.</summary>
    public int BaselineKnownCount { get; init; }

    /// <summary>The model the findings come from (after fixes were written); null when nothing was linted.</summary>
    public DeploymentModel? Model { get; init; }

    /// <summary>
    /// How many models of separate deployment trees the findings come from (<see cref="LintRequest.FindingsOnly"/>);
    /// 0 when they come from one model of everything read.
    /// </summary>
    public int SeparateModels { get; init; }

    /// <summary>How many files the findings are about (the summary's "in N files").</summary>
    public int DocumentCount { get; init; }

    /// <summary>The files the findings are about (named, or under a directory named), as the model names them.</summary>
    public ImmutableArray<string> ReportedFiles { get; init; } = [];

    /// <summary>HNL0006 findings of hostnetlint.yaml; when present nothing else ran.</summary>
    public ImmutableArray<Diagnostic> ConfigurationProblems { get; init; } = [];

    /// <summary>The fixes computed (<see cref="FixMode.Apply"/> and <see cref="FixMode.DryRun"/>); null otherwise.</summary>
    public FixAllResult? Fix { get; init; }

    /// <summary>With <see cref="FixMode.Apply"/>: every changed file and why it was not written (null when it was).</summary>
    public IReadOnlyList<(FileFix File, string? Failure)> Writes { get; init; } = [];

    /// <summary>Findings at or above this level fail the run: the host's, else hostnetlint.yaml's, else the host's default.</summary>
    public required Severity FailLevel { get; init; }

    /// <summary>Why the baseline could not be read; null when it was read or none was given.</summary>
    public string? BaselineError { get; init; }

    public bool IsConfigurationValid => ConfigurationProblems.IsEmpty;
}
