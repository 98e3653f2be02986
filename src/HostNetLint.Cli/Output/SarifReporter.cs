using System.Reflection;
using HostNetLint.Reporting;
using HostNetLint.Reporting.Sarif;

namespace HostNetLint.Cli.Output;

/// <summary>The SARIF options of <c>check</c>: <c>--sarif-category</c> and <c>--sarif-include-suppressed</c>.</summary>
public sealed record SarifSettings(string? Category, bool IncludeSuppressed);

/// <summary>
/// Writes the findings as SARIF 2.1.0. The Sarif SDK and Newtonsoft.Json are loaded only when this
/// reporter runs, so the text format pays nothing for them at start-up.
/// </summary>
public sealed class SarifReporter(SarifSettings settings) : IReporter
{
    public void Write(CheckReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        CreateWriter(report).Write(Findings(report), output);
    }

    /// <summary>Writes to a file (UTF-8, no byte-order mark: the upload action rejects one).</summary>
    public void WriteFile(CheckReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        CreateWriter(report).WriteFile(Findings(report), path);
    }

    /// <summary>The reported findings, plus the suppressed ones with their in-source suppression and reason.</summary>
    private static IEnumerable<ReportedFinding> Findings(CheckReport report) =>
        report.Diagnostics.Select(d => new ReportedFinding(d))
            .Concat(report.Suppressed.Select(s => new ReportedFinding(s.Diagnostic) { Suppression = new FindingSuppression(SuppressionSource.InSource, s.Justification) }));

    private SarifReportWriter CreateWriter(CheckReport report) => new(new SarifOptions
    {
        // URIs are relative to the repository (the nearest folder with .git), as code scanning expects.
        SourceRoot = SourceRoots.Find(report.CurrentDirectory),
        DiagnosticPathBase = report.Root,
        ToolVersion = ToolVersion,
        Category = settings.Category,
        IncludeSuppressed = settings.IncludeSuppressed,
    });

    private static string ToolVersion =>
        typeof(SarifReporter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
