using System.Globalization;
using System.Text;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Reporting.GitHub;

/// <summary>
/// The Markdown job summary that goes with the <c>github</c> format (appended to <c>$GITHUB_STEP_SUMMARY</c>): the
/// counts by severity and by rule with links to the rule pages, then the first findings, most severe first. Text from
/// the files is escaped (<see cref="MarkdownText"/>). GitHub accepts at most 1 MiB of summary per step; this one stays
/// under <see cref="MaxBytes"/> whatever the findings: at most <see cref="MaxFindingsShown"/> rows, messages cut at
/// <see cref="MaxMessageLength"/> characters, and no row that would pass the budget.
/// </summary>
public static class JobSummaryWriter
{
    public const int MaxFindingsShown = 50;

    public const int MaxMessageLength = 500;

    public const int MaxBytes = 512 * 1024;

    public static void Write(LintReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        output.Write(Create(report));
    }

    public static string Create(LintReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var counts = report.Counts;
        var text = new StringBuilder("## HostNetLint\n\n");
        text.Append(counts.Describe(report.FileCount));
        if (report.BaselineKnownCount > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" ({report.BaselineKnownCount} known in the baseline, not shown)");
        }

        text.Append(".\n");
        if (counts.Total == 0)
        {
            return text.ToString();
        }

        text.Append("\n| Severity | Findings |\n| --- | ---: |\n");
        foreach (var severity in (Severity[])[Severity.Error, Severity.Warning, Severity.Note])
        {
            text.Append(CultureInfo.InvariantCulture, $"| {severity.ToDisplay()} | {counts.Of(severity)} |\n");
        }

        text.Append("\n| Rule | Title | Findings |\n| --- | --- | ---: |\n");
        var byRule = report.Diagnostics
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal);
        foreach (var rule in byRule)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {RuleLink(rule.First(), report)} | {MarkdownText.Escape(rule.First().Descriptor.Title)} | {rule.Count()} |\n");
        }

        AppendFindings(text, report);
        var hidden = Math.Max(0, counts.Errors - GitHubAnnotationWriter.AnnotationsPerLevelPerStep)
            + Math.Max(0, counts.Warnings - GitHubAnnotationWriter.AnnotationsPerLevelPerStep)
            + Math.Max(0, counts.Notes - GitHubAnnotationWriter.AnnotationsPerLevelPerStep);
        if (hidden > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nGitHub shows at most {GitHubAnnotationWriter.AnnotationsPerLevelPerStep} annotations of each level per step, so {FindingCounts.Count(hidden, "finding is", "findings are")} not annotated; the step log lists every one.\n");
        }

        return text.ToString();
    }

    private static void AppendFindings(StringBuilder text, LintReport report)
    {
        var findings = report.MostSevereFirst();
        var rows = new StringBuilder();
        var budget = MaxBytes - Encoding.UTF8.GetByteCount(text.ToString()) - 1024;
        var shown = 0;
        foreach (var diagnostic in findings.Take(MaxFindingsShown))
        {
            var message = diagnostic.Message.Length > MaxMessageLength ? diagnostic.Message[..MaxMessageLength] + "…" : diagnostic.Message;
            var region = DisplayRegion.Of(diagnostic.Location);
            var row = string.Create(
                CultureInfo.InvariantCulture,
                $"| {diagnostic.Severity.ToDisplay()} | {RuleLink(diagnostic, report)} | {MarkdownText.Escape(report.RepositoryPath(diagnostic.Location.Path))} | {region.StartLine} | {MarkdownText.Escape(message)} |\n");
            budget -= Encoding.UTF8.GetByteCount(row);
            if (budget < 0)
            {
                break;
            }

            rows.Append(row);
            shown++;
        }

        text.Append(shown == findings.Count
            ? "\n### Findings\n\n"
            : string.Create(CultureInfo.InvariantCulture, $"\n### The first {shown} of {findings.Count} findings\n\n"));
        text.Append("| Severity | Rule | File | Line | Message |\n| --- | --- | --- | ---: | --- |\n").Append(rows);
    }

    private static string RuleLink(Diagnostic diagnostic, LintReport report) => $"[{diagnostic.Id}]({report.HelpUri(diagnostic)})";
}
