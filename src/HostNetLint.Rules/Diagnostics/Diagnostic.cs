using System.Collections.Immutable;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Rules.Diagnostics;

/// <summary>A place that explains a finding, such as the anchor line a merged value came from.</summary>
public sealed record RelatedLocation(Location Location, string Message);

/// <summary>One finding: a rule, an exact location, a message and its effective severity.</summary>
public sealed record Diagnostic(
    RuleDescriptor Descriptor,
    Location Location,
    string Message,
    Severity Severity,
    ImmutableArray<RelatedLocation> RelatedLocations,
    FindingPath LogicalPath)
{
    // The message as given, or as UTF-8 once the finding is released (Released): a released finding outlives its model
    // in a large run, and its mostly ASCII message takes half the bytes that way.
    private object message = Message;

    public string Message
    {
        get => message as string ?? System.Text.Encoding.UTF8.GetString((byte[])message);
        init => message = value;
    }

    public string Id => Descriptor.Id;

    // The fixes, or the reason there are none, made on first use: only fix, SARIF, JSON and the language server ask, a
    // plain check never does. Null: no fixes and no reason. Copies made by `with` share it, so it runs once for all.
    private Lazy<FixOffer?>? offer;

    /// <summary>Automatic fixes, best first; empty when there is no safe fix (then <see cref="NoFixReason"/> says why).</summary>
    public ImmutableArray<CodeFix> Fixes
    {
        get => offer?.Value?.Fixes ?? [];
        init
        {
            var previous = offer;
            offer = new Lazy<FixOffer?>(() => FixOffer.Create(value, previous?.Value?.NoFixReason));
        }
    }

    /// <summary>
    /// Why this finding of a fixable rule has no fix (an anchor shared with a service that needs it as it is, a
    /// suppressed finding the fix would change too, a fix the engine refused because the finding survived it); null
    /// when it has fixes, or when its rule has none at all (<see cref="RuleDescriptor.NoFixReason"/> says why).
    /// Set by rules and by the engines, so every host shows the same reason.
    /// </summary>
    public string? NoFixReason
    {
        get => offer?.Value?.NoFixReason;
        init
        {
            var previous = offer;
            offer = new Lazy<FixOffer?>(() => FixOffer.Create(previous?.Value?.Fixes ?? [], value));
        }
    }

    /// <summary>False when the finding was given no fixes nor a reason (known without making them).</summary>
    internal bool MayHaveFixes => offer is not null;

    /// <summary>
    /// This finding with the fixes, or the reason there are none, that <paramref name="factory"/> makes when either is
    /// first asked for (null: no fixes and no reason); it runs at most once for this finding and its copies.
    /// </summary>
    public Diagnostic WithFix(Func<FixOffer?> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var copy = this with { };
        copy.offer = new Lazy<FixOffer?>(factory);
        return copy;
    }

    /// <summary>This finding without fixes, because of <paramref name="reason"/>.</summary>
    public Diagnostic WithoutFixes(string reason)
    {
        var without = FixOffer.None(reason);
        var copy = this with { };
        copy.offer = new Lazy<FixOffer?>(without);
        return copy;
    }

    /// <summary>
    /// This finding as a report keeps it once its model is gone: its files' texts released and its messages shared
    /// through <paramref name="release"/> (its own kept as UTF-8), its fixes made now when <see cref="FindingRelease.KeepFixes"/> and left out
    /// otherwise, so that nothing of the model stays reachable from it.
    /// </summary>
    public Diagnostic Released(FindingRelease release)
    {
        ArgumentNullException.ThrowIfNull(release);
        Location Move(Location location) => location with { Source = release.Text(location.Source) };
        var released = this with
        {
            Location = Move(Location),
            RelatedLocations = [.. RelatedLocations.Select(r => new RelatedLocation(Move(r.Location), release.Message(r.Message)))],
        };
        released.message = release.Utf8Message(Message);

        var kept = release.KeepFixes ? offer?.Value : null;
        released.offer = kept is null ? null : new Lazy<FixOffer?>(FixOffer.Create([.. kept.Fixes.Select(f => f with { Document = release.Text(f.Document) })], kept.NoFixReason));
        return released;
    }

    public override string ToString()
    {
        var start = Location.LineSpan.Start;
        return $"{Location.Path}({start.Line + 1},{start.Character + 1}): {Severity.ToDisplay()} {Id}: {Message}";
    }
}
