using System.Collections.Immutable;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Cli.Output;

/// <summary>What a finished <c>check</c> hands to a reporter: the findings and enough context to show their paths.</summary>
/// <param name="Diagnostics">The findings, in any order (reporters sort).</param>
/// <param name="FileCount">How many files were read.</param>
/// <param name="Root">The linted root; relative diagnostic paths are relative to it.</param>
/// <param name="CurrentDirectory">The directory shown paths are relative to.</param>
public sealed record CheckReport(ImmutableArray<Diagnostic> Diagnostics, int FileCount, string Root, string CurrentDirectory)
{
    /// <summary>Findings a <c>--baseline</c> already knew; not in <see cref="Diagnostics"/>, only counted in the summary.</summary>
    public int BaselineKnownCount { get; init; }

    /// <summary>The files reported on, as the model names them (relative to <see cref="Root"/>); the JUnit format lists each.</summary>
    public ImmutableArray<string> Files { get; init; } = [];

    /// <summary>Findings inline comments suppressed; only SARIF with <c>--sarif-include-suppressed</c> writes them.</summary>
    public ImmutableArray<Rules.Suppressions.SuppressedDiagnostic> Suppressed { get; init; } = [];
}
