using System.Collections.Immutable;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Suppressions;

namespace HostNetLint.Rules.Engine;

/// <summary>The outcome of a lint run: the reported findings and those inline comments suppressed.</summary>
public sealed record LintResult(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<SuppressedDiagnostic> Suppressed);
