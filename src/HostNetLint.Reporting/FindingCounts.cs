using System.Globalization;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Reporting;

/// <summary>How many findings a run reported at each severity, and the one summary line every format words the same.</summary>
public readonly record struct FindingCounts(int Errors, int Warnings, int Notes)
{
    public int Total => Errors + Warnings + Notes;

    public static FindingCounts Of(IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        int errors = 0, warnings = 0, notes = 0;
        foreach (var diagnostic in diagnostics)
        {
            switch (diagnostic.Severity)
            {
                case Severity.Error: errors++; break;
                case Severity.Warning: warnings++; break;
                case Severity.Note: notes++; break;
            }
        }

        return new FindingCounts(errors, warnings, notes);
    }

    public int Of(Severity severity) => severity switch
    {
        Severity.Error => Errors,
        Severity.Warning => Warnings,
        Severity.Note => Notes,
        _ => 0,
    };

    /// <summary><c>3 errors, 1 warning, 0 notes in 2 files</c>, or <c>No findings in 2 files</c>.</summary>
    public string Describe(int fileCount)
    {
        var files = Count(fileCount, "file", "files");
        return Total == 0
            ? $"No findings in {files}"
            : $"{Count(Errors, "error", "errors")}, {Count(Warnings, "warning", "warnings")}, {Count(Notes, "note", "notes")} in {files}";
    }

    /// <summary><c>1 error</c>, <c>2 warnings</c>: a count and its noun.</summary>
    public static string Count(int count, string singular, string plural) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? singular : plural)}");
}
