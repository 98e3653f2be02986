using System.Collections.Immutable;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Rules.Suppressions;

/// <summary>
/// One parsed <c># hostnetlint-…</c> comment: its form, the rules it names, the reason after <c>--</c>,
/// and the text it covers (<see cref="Scope"/>, filled in by <see cref="SuppressionScanner"/>).
/// </summary>
public sealed record SuppressionDirective(
    SuppressionKind Kind,
    Location Comment,
    ImmutableArray<SuppressionRuleId> RuleIds,
    string? Justification)
{
    /// <summary>The offsets a finding must start in to be suppressed; empty when the directive covers nothing.</summary>
    public TextSpan Scope { get; init; }

    /// <summary>True when this directive silences a finding of <paramref name="ruleId"/> that starts at <paramref name="position"/>.</summary>
    public bool Covers(string ruleId, int position) =>
        position >= Scope.Start && position <= Scope.End && Silences(ruleId);

    /// <summary>True when this directive silences findings of <paramref name="ruleId"/> somewhere (its scope is not empty).</summary>
    public bool Silences(string ruleId) =>
        Kind != SuppressionKind.Enable && !Scope.IsEmpty && RuleIds.Any(r => r.Id == ruleId);
}
