using HostNetLint.LanguageServer.Protocol;
using HostNetLint.LanguageServer.Workspace;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.LanguageServer.Features;

/// <summary>
/// Our findings as LSP diagnostics: the span as a range, the rule ID as <c>code</c> with its page, the configured
/// severity, and the related locations (the anchor a value was merged from, the unit that starts a workload).
/// </summary>
internal sealed class DiagnosticConverter
{
    private readonly Func<string, string> uriOf;

    /// <param name="uriOf">The URI of a full path (the client's own for an open document).</param>
    public DiagnosticConverter(Func<string, string> uriOf) => this.uriOf = uriOf;

    public static int SeverityOf(Severity severity) => severity switch
    {
        Severity.Error => DiagnosticSeverities.Error,
        Severity.Warning => DiagnosticSeverities.Warning,
        _ => DiagnosticSeverities.Information,
    };

    /// <param name="fullPathOf">The full path of a finding path (root-relative, or absolute outside the root).</param>
    public LspDiagnostic Convert(Diagnostic finding, Func<string, string> fullPathOf)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(fullPathOf);
        var related = finding.RelatedLocations
            .Select(r => new DiagnosticRelatedInformation(new LspLocation(uriOf(fullPathOf(r.Location.Path)), TextPositions.ToRange(r.Location.Source, r.Location.Span)), r.Message))
            .ToArray();
        return new LspDiagnostic(
            TextPositions.ToRange(finding.Location.Source, finding.Location.Span),
            SeverityOf(finding.Severity),
            finding.Id,
            new CodeDescription(finding.Descriptor.HelpUri().AbsoluteUri),
            "hostnetlint",
            finding.Message,
            related.Length == 0 ? null : related);
    }
}
