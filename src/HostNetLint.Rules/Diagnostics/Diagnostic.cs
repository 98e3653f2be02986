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

    /// <summary>Automatic fixes the rule offers (at most one today); empty when there is no safe fix.</summary>
    public ImmutableArray<CodeFix> Fixes { get; init; } = [];

    public override string ToString()
    {
        var start = Location.LineSpan.Start;
        return $"{Location.Path}({start.Line + 1},{start.Character + 1}): {Severity.ToDisplay()} {Id}: {Message}";
    }
}
