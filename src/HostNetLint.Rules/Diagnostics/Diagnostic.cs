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
    public string Id => Descriptor.Id;

    /// <summary>Automatic fixes, best first; empty when there is no safe fix (then <see cref="NoFixReason"/> says why).</summary>
    public ImmutableArray<CodeFix> Fixes { get; init; } = [];

    /// <summary>
    /// Why this finding of a fixable rule has no fix (an anchor shared with a service that needs it as it is, a
    /// suppressed finding the fix would change too, a fix the engine refused because the finding survived it); null
    /// when it has fixes, or when its rule has none at all (<see cref="RuleDescriptor.NoFixReason"/> says why).
    /// Set by rules and by the engines, so every host shows the same reason.
    /// </summary>
    public string? NoFixReason { get; init; }

    /// <summary>This finding without fixes, because of <paramref name="reason"/>.</summary>
    public Diagnostic WithoutFixes(string reason) => this with { Fixes = [], NoFixReason = reason };

    public override string ToString()
    {
        var start = Location.LineSpan.Start;
        return $"{Location.Path}({start.Line + 1},{start.Character + 1}): {Severity.ToDisplay()} {Id}: {Message}";
    }
}
