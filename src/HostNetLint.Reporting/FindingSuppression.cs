namespace HostNetLint.Reporting;

/// <summary>Why a finding is not shown: where it was suppressed and the reason the author gave.</summary>
public sealed record FindingSuppression(SuppressionSource Source, string? Justification = null);
