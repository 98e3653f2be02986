using System.Collections.Immutable;

namespace HostNetLint.Reporting;

/// <summary>One way to resolve a finding: a description and the text edits it makes, possibly in several files.</summary>
public sealed record ReportedFix(string Description, ImmutableArray<ReportedEdit> Edits)
{
    /// <summary>A rule's code fix as SARIF reports it: its title and its edits on the file it was computed for.</summary>
    public static ReportedFix From(Rules.Diagnostics.CodeFix fix)
    {
        ArgumentNullException.ThrowIfNull(fix);
        return new ReportedFix(fix.Title, [.. fix.Edits.Select(e => new ReportedEdit(new Parsing.Text.Location(fix.Document, e.Span), e.NewText))]);
    }
}
