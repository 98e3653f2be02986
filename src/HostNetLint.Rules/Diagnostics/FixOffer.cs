using System.Collections.Immutable;

namespace HostNetLint.Rules.Diagnostics;

/// <summary>
/// What a rule offers to resolve one finding: fixes in order of preference (the first one fix-all can apply wins), or
/// none and the reason why, which every host shows (<c>fix</c>'s output, SARIF, an editor).
/// </summary>
public sealed record FixOffer
{
    private FixOffer(ImmutableArray<CodeFix> fixes, string? noFixReason)
    {
        Fixes = fixes;
        NoFixReason = noFixReason;
    }

    public ImmutableArray<CodeFix> Fixes { get; }

    /// <summary>Why no fix is offered; null when there are fixes.</summary>
    public string? NoFixReason { get; }

    /// <summary>These fixes, best first.</summary>
    public static FixOffer Of(params CodeFix[] fixes)
    {
        ArgumentNullException.ThrowIfNull(fixes);
        if (fixes.Length == 0)
        {
            throw new ArgumentException("An offer without fixes needs a reason: use None", nameof(fixes));
        }

        return new FixOffer([.. fixes], null);
    }

    /// <summary>No fix, because of <paramref name="reason"/> (a sentence fragment such as "the anchor is shared with 'web'").</summary>
    public static FixOffer None(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new FixOffer([], reason);
    }

    /// <summary>What a finding was given directly (<see cref="Diagnostic.Fixes"/>, <see cref="Diagnostic.NoFixReason"/>); null when neither.</summary>
    internal static FixOffer? Create(ImmutableArray<CodeFix> fixes, string? noFixReason) =>
        fixes.IsDefaultOrEmpty && noFixReason is null ? null : new FixOffer(fixes.IsDefault ? [] : fixes, noFixReason);

    /// <summary><paramref name="fix"/> when there is one, else no fix because of <paramref name="reasonWithout"/>.</summary>
    public static FixOffer From(CodeFix? fix, string reasonWithout) => fix is null ? None(reasonWithout) : Of(fix);

    /// <summary>This offer's fixes followed by <paramref name="fallback"/>'s; the fallback's reason when neither has any (it was the last resort).</summary>
    public FixOffer Then(FixOffer fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        return Fixes.IsEmpty ? fallback : fallback.Fixes.IsEmpty ? this : new FixOffer(Fixes.AddRange(fallback.Fixes), null);
    }
}
