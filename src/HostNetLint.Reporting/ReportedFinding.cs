using System.Collections.Immutable;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Reporting;

/// <summary>
/// A diagnostic as a reporter sees it: the finding plus what later stages attach to it (a suppression,
/// fixes). Reporters take these rather than bare diagnostics so those stages need no new reporter API.
/// </summary>
public sealed record ReportedFinding(Diagnostic Diagnostic)
{
    /// <summary>Set when the finding is suppressed; suppressed findings are left out unless a reporter is asked to keep them.</summary>
    public FindingSuppression? Suppression { get; init; }

    private ImmutableArray<ReportedFix>? fixes;

    /// <summary>Exact edits that resolve the finding, if the rule can fix it (the diagnostic's own fixes by default, made when first asked for).</summary>
    public ImmutableArray<ReportedFix> Fixes
    {
        get => fixes ??= [.. Diagnostic.Fixes.Select(ReportedFix.From)];
        init => fixes = value;
    }

    private (string? Value, bool IsSet) noFixReason;

    /// <summary>Why the finding has no fix though its rule has fixes (the diagnostic's own reason by default, made when first asked for); null otherwise.</summary>
    public string? NoFixReason
    {
        get => noFixReason.IsSet ? noFixReason.Value : Diagnostic.NoFixReason;
        init => noFixReason = (value, true);
    }

    public bool IsSuppressed => Suppression is not null;
}
