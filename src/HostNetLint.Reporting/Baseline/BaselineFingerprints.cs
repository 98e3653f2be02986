using HostNetLint.Reporting.Sarif;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Reporting.Baseline;

/// <summary>
/// The SARIF <c>partialFingerprints</c> value of each finding, computed exactly as
/// <see cref="SarifReportWriter"/> writes it (rule, repository-relative file, logical path, occurrence in
/// file order; no line or column), so a baseline written as SARIF matches findings after lines moved.
/// </summary>
public static class BaselineFingerprints
{
    public static Dictionary<Diagnostic, string> Compute(IEnumerable<Diagnostic> diagnostics, SarifOptions options)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(options);
        var uris = new ArtifactUris(options.SourceRoot, options.DiagnosticPathBase);
        var assigned = new Dictionary<Diagnostic, string>(ReferenceEqualityComparer.Instance);
        var byIdentity = diagnostics.GroupBy(d => Fingerprints.Identity(d.Id, uris.Identity(d.Location.Path), d.LogicalPath.Value), StringComparer.Ordinal);
        foreach (var group in byIdentity)
        {
            var occurrence = 0;
            foreach (var diagnostic in group.OrderBy(d => d.Location.Span.Start).ThenBy(d => d.Location.Span.End))
            {
                assigned[diagnostic] = Fingerprints.Format(group.Key, ++occurrence);
            }
        }

        return assigned;
    }
}
