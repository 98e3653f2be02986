using System.Globalization;
using HostNetLint.Reporting;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Cli.Output;

/// <summary>
/// The text format: <c>path(line,col): severity HNLxxxx: message</c> per finding, the canonical MSBuild
/// error format that VS Code's <c>$msCompile</c> problem matcher reads, then one summary line.
/// Paths are relative to the current directory with forward slashes; line and column are 1-based
/// (the column counts UTF-16 code units, as SARIF's <c>utf16CodeUnits</c>).
/// </summary>
public sealed class TextReporter : IReporter
{
    public void Write(CheckReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);

        // Line by line: the lines of a large root's findings, all at once, would be the largest thing a check holds.
        foreach (var line in Lines(report))
        {
            output.WriteLine(line);
        }
    }

    /// <summary>Every output line: the findings sorted by shown path, line, column, ID and message, then the summary.</summary>
    public static IReadOnlyList<string> FormatLines(CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [.. Lines(report)];
    }

    private static IEnumerable<string> Lines(CheckReport report)
    {
        // A file's findings share its path, and so its shown path.
        var shownPaths = new Dictionary<string, string>(StringComparer.Ordinal);
        var shown = report.Diagnostics
            .Select(d => new ShownFinding(d, ShownPath(d.Location.Path)))
            .Order(ShownFinding.Order)
            .ToList();
        foreach (var finding in shown)
        {
            yield return FormatDiagnostic(finding.Diagnostic, finding.Path);
        }

        var summary = FormatSummary(report.Diagnostics, report.FileCount);
        yield return report.BaselineKnownCount == 0 ? summary : string.Create(CultureInfo.InvariantCulture, $"{summary} ({report.BaselineKnownCount} known in the baseline, not shown)");

        string ShownPath(string path)
        {
            if (!shownPaths.TryGetValue(path, out var displayPath))
            {
                shownPaths[path] = displayPath = DisplayPath.For(path, report.Root, report.CurrentDirectory);
            }

            return displayPath;
        }
    }

    /// <summary>
    /// One finding as one line: control characters in the path and the message are escaped, so nothing from a file can
    /// start a line of its own. A path that would start the line with <c>::</c> gets <c>./</c> in front: GitHub's runner
    /// reads such a log line as a workflow command (<c>::add-mask::</c>, <c>::stop-commands::</c>).
    /// </summary>
    public static string FormatDiagnostic(Diagnostic diagnostic, string displayPath)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        ArgumentNullException.ThrowIfNull(displayPath);
        var start = diagnostic.Location.LineSpan.Start;
        var path = TerminalText.Escape(displayPath);
        if (path.TrimStart().StartsWith("::", StringComparison.Ordinal))
        {
            path = "./" + path;
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"{path}({start.Line + 1},{start.Character + 1}): {diagnostic.Severity.ToDisplay()} {diagnostic.Id}: {TerminalText.Escape(diagnostic.Message)}");
    }

    /// <summary><c>3 errors, 1 warning, 0 notes in 2 files</c>, or <c>No findings in 2 files</c>.</summary>
    public static string FormatSummary(IReadOnlyCollection<Diagnostic> diagnostics, int fileCount)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        return FindingCounts.Of(diagnostics).Describe(fileCount);
    }

    /// <summary>
    /// A finding with the path it is shown under, in display order. One comparer instead of an OrderBy/ThenBy chain:
    /// each ThenBy costs Native AOT a generic virtual method lookup at its first call (README, "AOT start-up").
    /// </summary>
    private sealed record ShownFinding(Diagnostic Diagnostic, string Path)
    {
        public static readonly Comparer<ShownFinding> Order = Comparer<ShownFinding>.Create((a, b) =>
        {
            var order = string.CompareOrdinal(a.Path, b.Path);
            var (start, otherStart) = (a.Diagnostic.Location.LineSpan.Start, b.Diagnostic.Location.LineSpan.Start);
            if (order == 0)
            {
                order = start.Line.CompareTo(otherStart.Line);
            }

            if (order == 0)
            {
                order = start.Character.CompareTo(otherStart.Character);
            }

            if (order == 0)
            {
                order = string.CompareOrdinal(a.Diagnostic.Id, b.Diagnostic.Id);
            }

            return order != 0 ? order : string.CompareOrdinal(a.Diagnostic.Message, b.Diagnostic.Message);
        });
    }
}
