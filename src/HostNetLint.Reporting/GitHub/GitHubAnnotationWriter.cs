using System.Globalization;
using System.Text;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Reporting.GitHub;

/// <summary>
/// The <c>github</c> format: one workflow command per finding (<c>::error</c>, <c>::warning</c>, and <c>::notice</c>
/// for a note), which the Actions runner turns into annotations on the run and on the pull request's files.
/// <para>
/// GitHub keeps at most <see cref="AnnotationsPerLevelPerStep"/> annotations of each level per step and 50 per job
/// (actions/runner src/Runner.Worker/ExecutionContext.cs, <c>_maxCountPerIssueType</c>; actions/toolkit
/// docs/problem-matchers.md "Limitations"); the rest are only lines in the step log. So the findings come most severe
/// first, and when a level is over the cap one notice without a file says how many there are and where to see them
/// all, written before the notes so it is among the notices GitHub keeps.
/// </para>
/// <para>
/// Paths are relative to the repository root (<see cref="LintReport.RepositoryRoot"/>) without <c>./</c>. A path and
/// the title are property values, the message is data, each escaped as the runner unescapes them
/// (<see cref="WorkflowCommands"/>); before that every control character but CR and LF is written as a visible
/// escape (<see cref="TerminalText"/>), so nothing reaches a terminal raw and nothing can end the command early.
/// </para>
/// </summary>
public static class GitHubAnnotationWriter
{
    public const int AnnotationsPerLevelPerStep = 10;

    public static void Write(LintReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var counts = report.Counts;
        var overCap = counts.Errors > AnnotationsPerLevelPerStep || counts.Warnings > AnnotationsPerLevelPerStep || counts.Notes > AnnotationsPerLevelPerStep;
        var noticeWritten = !overCap;
        foreach (var diagnostic in report.MostSevereFirst())
        {
            if (!noticeWritten && diagnostic.Severity <= Severity.Note)
            {
                output.WriteLine(CapNotice(report));
                noticeWritten = true;
            }

            output.WriteLine(Format(diagnostic, report));
        }

        if (!noticeWritten)
        {
            output.WriteLine(CapNotice(report));
        }
    }

    /// <summary>
    /// <c>::error file=P,line=L,endLine=L,col=C,endColumn=C2,title=HNLxxxx: Title::message%0Arule page</c>. Columns are
    /// given for a finding on one line only (the runner drops them otherwise); <c>endColumn</c> is the last column.
    /// </summary>
    public static string Format(Diagnostic diagnostic, LintReport report)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        ArgumentNullException.ThrowIfNull(report);
        var region = DisplayRegion.Of(diagnostic.Location);
        var line = new StringBuilder("::").Append(Command(diagnostic.Severity));
        line.Append(" file=").Append(Property(report.RepositoryPath(diagnostic.Location.Path)));
        line.Append(CultureInfo.InvariantCulture, $",line={region.StartLine},endLine={region.EndLine}");
        if (region.IsSingleLine)
        {
            line.Append(CultureInfo.InvariantCulture, $",col={region.StartColumn},endColumn={Math.Max(region.StartColumn, region.EndColumn - 1)}");
        }

        line.Append(",title=").Append(Property($"{diagnostic.Id}: {diagnostic.Descriptor.Title}"));
        line.Append("::").Append(Data($"{diagnostic.Message}\n{report.HelpUri(diagnostic)}"));
        return line.ToString();
    }

    private static string CapNotice(LintReport report)
    {
        var counts = report.Counts;
        var text = $"HostNetLint found {counts.Describe(report.FileCount)}. GitHub shows at most {AnnotationsPerLevelPerStep} annotations of each level per step (50 per job), most severe first here; every finding is in this step's log and in the job summary.";
        return $"::notice title={Property("HostNetLint")}::{Data(text)}";
    }

    private static string Command(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "notice",
    };

    private static string Property(string value) => WorkflowCommands.EscapeProperty(TerminalText.Escape(value, keepLineBreaks: true));

    private static string Data(string value) => WorkflowCommands.EscapeData(TerminalText.Escape(value, keepLineBreaks: true));
}
