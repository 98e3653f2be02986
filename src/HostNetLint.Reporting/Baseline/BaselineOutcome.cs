using System.Collections.Immutable;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Reporting.Baseline;

/// <summary>Findings after a baseline: new ones, reported, and known ones, only counted.</summary>
public sealed record BaselineOutcome(ImmutableArray<Diagnostic> New, ImmutableArray<Diagnostic> Known);
