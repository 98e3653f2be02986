using HostNetLint.Reporting;
using HostNetLint.Reporting.Sarif;

namespace HostNetLint.Cli.Output;

/// <summary>The SARIF options of <c>check</c>: <c>--sarif-category</c> and <c>--sarif-include-suppressed</c>.</summary>
public sealed record SarifSettings(string? Category, bool IncludeSuppressed);

/// <summary>
/// Writes the findings as SARIF 2.1.0 (<see cref="SarifReportWriter"/>, which writes the JSON itself: no serializer,
/// no reflection).
/// </summary>
public sealed class SarifReporter(SarifSettings settings) : IReporter
{
    public void Write(CheckReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        CreateWriter(report).Write(Findings(report), output, Notifications(report));
    }

    /// <summary>Writes to a file (UTF-8, no byte-order mark: the upload action rejects one).</summary>
    public void WriteFile(CheckReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        CreateWriter(report).WriteFile(Findings(report), path, Notifications(report));
    }

    /// <summary>
    /// A failure of the tool itself still produces SARIF, so the upload step sees <c>executionSuccessful: false</c>
    /// and the reason instead of a missing or empty file.
    /// </summary>
    public void WriteToolFailure(CheckReport report, Exception exception, string? path, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ToolNotification[] failure = [new ToolNotification(ToolNotificationKind.Execution, exception.Message) { Id = "HNL9001", Exception = exception }];
        if (path is null)
        {
            CreateWriter(report).Write(Array.Empty<ReportedFinding>(), output, failure);
        }
        else
        {
            CreateWriter(report).WriteFile(Array.Empty<ReportedFinding>(), path, failure);
        }
    }

    /// <summary>The reported findings, plus the suppressed ones with their in-source suppression and reason.</summary>
    private static IEnumerable<ReportedFinding> Findings(CheckReport report) =>
        report.Diagnostics.Where(d => !IsConfigurationProblem(d)).Select(d => new ReportedFinding(d))
            .Concat(report.Suppressed.Select(s => new ReportedFinding(s.Diagnostic) { Suppression = new FindingSuppression(SuppressionSource.InSource, s.Justification) }));

    /// <summary>Configuration errors (HNL0006) are the tool's configuration notifications in SARIF, not results in the user's files.</summary>
    private static IEnumerable<ToolNotification> Notifications(CheckReport report) =>
        report.Diagnostics.Where(IsConfigurationProblem).Select(d => new ToolNotification(ToolNotificationKind.Configuration, d.Message)
        {
            Id = d.Id,
            Level = d.Severity,
            Location = d.Location,
        });

    private static bool IsConfigurationProblem(Rules.Diagnostics.Diagnostic diagnostic) => diagnostic.Id == "HNL0006";

    private SarifReportWriter CreateWriter(CheckReport report) => new(new SarifOptions
    {
        // URIs are relative to the repository (the nearest folder with .git), as code scanning expects.
        SourceRoot = SourceRoots.Find(report.CurrentDirectory),
        DiagnosticPathBase = report.Root,
        ToolVersion = LintReportReporter.ToolVersion,
        Category = settings.Category,
        IncludeSuppressed = settings.IncludeSuppressed,
    });
}
