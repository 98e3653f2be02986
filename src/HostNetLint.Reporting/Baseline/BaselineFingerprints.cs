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
        ArgumentNullException.ThrowIfNull(options);
        return Fingerprints.Assign(diagnostics, options.SourceRoot, options.DiagnosticPathBase);
    }
}
