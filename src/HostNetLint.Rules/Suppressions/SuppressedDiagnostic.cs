using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Rules.Suppressions;

/// <summary>A finding an inline comment suppressed; kept aside so SARIF can still write it with <c>suppressions[]</c>.</summary>
public sealed record SuppressedDiagnostic(Diagnostic Diagnostic, string? Justification);
