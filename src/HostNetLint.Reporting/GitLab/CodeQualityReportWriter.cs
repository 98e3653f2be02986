using HostNetLint.Reporting.Json;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Reporting.GitLab;

/// <summary>
/// The <c>gitlab</c> format: a GitLab Code Quality report (<c>artifacts:reports:codequality</c>), the subset of the
/// Code Climate issue format GitLab documents ("Code Quality", "Implement a custom tool"): a JSON array with one
/// object per finding holding exactly <c>description</c> (rule ID and message), <c>check_name</c> (rule ID),
/// <c>fingerprint</c> (HostNetLint's line-independent fingerprint, the value SARIF's <c>partialFingerprints</c> holds,
/// so an issue keeps its identity when lines above it move), <c>severity</c> (<see cref="LevelOf"/>) and
/// <c>location.path</c> (relative to the repository root) with <c>location.lines.begin</c>.
/// </summary>
public static class CodeQualityReportWriter
{
    public static void Write(LintReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        JsonText.Write(output, json =>
        {
            json.WriteStartArray();
            foreach (var diagnostic in report.InFileOrder())
            {
                json.WriteStartObject();
                json.WriteString("description", JsonText.Valid($"{diagnostic.Id}: {diagnostic.Message}"));
                json.WriteString("check_name", diagnostic.Id);
                json.WriteString("fingerprint", report.Fingerprint(diagnostic));
                json.WriteString("severity", LevelOf(diagnostic.Severity));
                json.WriteStartObject("location");
                json.WriteString("path", JsonText.Valid(report.RepositoryPath(diagnostic.Location.Path)));
                json.WriteStartObject("lines");
                json.WriteNumber("begin", DisplayRegion.Of(diagnostic.Location).StartLine);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        });
    }

    /// <summary>GitLab's levels are info, minor, major, critical and blocker: an error is critical, a warning major, a note info.</summary>
    public static string LevelOf(Severity severity) => severity switch
    {
        Severity.Error => "critical",
        Severity.Warning => "major",
        _ => "info",
    };
}
