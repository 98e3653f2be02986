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

    // Computed on first use: only fix, SARIF fixes[] and the language server ask, a plain check never does.
    private Lazy<ImmutableArray<CodeFix>>? fixes;

    /// <summary>Automatic fixes the rule offers (at most one today); empty when there is no safe fix.</summary>
    public ImmutableArray<CodeFix> Fixes
    {
        get => fixes?.Value ?? [];
        init => fixes = new Lazy<ImmutableArray<CodeFix>>(value);
    }

    /// <summary>This finding with the fix <paramref name="factory"/> makes when it is first asked for (null: no safe fix).</summary>
    public Diagnostic WithFix(Func<CodeFix?> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var copy = this with { };
        copy.fixes = new Lazy<ImmutableArray<CodeFix>>(() => factory() is { } fix ? [fix] : []);
        return copy;
    }

    public override string ToString()
    {
        var start = Location.LineSpan.Start;
        return $"{Location.Path}({start.Line + 1},{start.Character + 1}): {Severity.ToDisplay()} {Id}: {Message}";
    }
}
