using System.Collections.Immutable;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Rules.Suppressions;

/// <summary>Findings after inline suppressions: those still reported, those suppressed, and the HNL0005 findings about the directives.</summary>
public sealed record SuppressionOutcome(
    ImmutableArray<Diagnostic> Reported,
    ImmutableArray<SuppressedDiagnostic> Suppressed,
    ImmutableArray<Diagnostic> SuppressionProblems);
