using System.Text.Json;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Reporting.Json;

/// <summary>
/// The <c>json</c> format: HostNetLint's own report for scripts, described by <c>hostnetlint-report.schema.json</c>
/// (shipped beside the tool). <see cref="SchemaVersion"/> changes only when a field is removed or changes meaning;
/// new fields may appear in any version, so readers ignore what they do not know.
/// </summary>
public static class JsonReportWriter
{
    public const int SchemaVersion = 1;

    public static void Write(LintReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        JsonText.Write(output, json =>
        {
            var counts = report.Counts;
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", SchemaVersion);
            json.WriteStartObject("tool");
            json.WriteString("name", "HostNetLint");
            json.WriteString("version", report.ToolVersion);
            json.WriteEndObject();
            json.WriteStartObject("summary");
            json.WriteNumber("files", report.FileCount);
            json.WriteNumber("errors", counts.Errors);
            json.WriteNumber("warnings", counts.Warnings);
            json.WriteNumber("notes", counts.Notes);
            json.WriteNumber("baselineKnown", report.BaselineKnownCount);
            json.WriteEndObject();
            json.WriteStartArray("findings");
            foreach (var diagnostic in report.InFileOrder())
            {
                WriteFinding(json, diagnostic, report);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static void WriteFinding(Utf8JsonWriter json, Diagnostic diagnostic, LintReport report)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", diagnostic.Id);
        json.WriteString("ruleTitle", diagnostic.Descriptor.Title);
        json.WriteString("category", diagnostic.Descriptor.Category.ToString());
        json.WriteString("severity", diagnostic.Severity.ToDisplay());
        json.WriteString("message", JsonText.Valid(diagnostic.Message));
        WriteLocation(json, diagnostic.Location, report);
        json.WriteString("logicalPath", JsonText.Valid(diagnostic.LogicalPath.Value));
        json.WriteString("fingerprint", report.Fingerprint(diagnostic));
        json.WriteString("helpUri", report.HelpUri(diagnostic));
        json.WriteBoolean("fixable", !diagnostic.Fixes.IsDefaultOrEmpty);
        json.WriteStartArray("related");
        foreach (var related in diagnostic.RelatedLocations)
        {
            json.WriteStartObject();
            json.WriteString("message", JsonText.Valid(related.Message));
            WriteLocation(json, related.Location, report);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter json, Parsing.Text.Location location, LintReport report)
    {
        var region = DisplayRegion.Of(location);
        json.WriteString("path", JsonText.Valid(report.RepositoryPath(location.Path)));
        json.WriteStartObject("region");
        json.WriteNumber("startLine", region.StartLine);
        json.WriteNumber("startColumn", region.StartColumn);
        json.WriteNumber("endLine", region.EndLine);
        json.WriteNumber("endColumn", region.EndColumn);
        json.WriteEndObject();
    }
}
