namespace HostNetLint.Cli.Output;

/// <summary>The values of <c>--format</c> and of <c>--report FORMAT=PATH</c>. A new format is a new member, a name in <see cref="OutputFormats"/> and a reporter.</summary>
public enum OutputFormat
{
    /// <summary>One MSBuild-style line per finding, then a summary line.</summary>
    Text,

    /// <summary>SARIF 2.1.0 for GitHub code scanning.</summary>
    Sarif,

    /// <summary>GitHub Actions workflow commands (annotations), plus the job summary when <c>$GITHUB_STEP_SUMMARY</c> is set.</summary>
    GitHub,

    /// <summary>JUnit XML for test report viewers (GitLab, Jenkins, Azure DevOps).</summary>
    JUnit,

    /// <summary>GitLab Code Quality JSON.</summary>
    GitLab,

    /// <summary>HostNetLint's own documented JSON, for scripts.</summary>
    Json,
}

public static class OutputFormats
{
    /// <summary>The names <c>--format</c> and <c>--report</c> accept, in the order help lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["text", "sarif", "github", "junit", "gitlab", "json"];

    public static bool TryParse(string text, out OutputFormat format)
    {
        ArgumentNullException.ThrowIfNull(text);
        var index = Names.ToList().IndexOf(text.Trim().ToLowerInvariant());
        format = index < 0 ? default : (OutputFormat)index;
        return index >= 0;
    }

    public static string NameOf(OutputFormat format) => Names[(int)format];

    /// <param name="format">The format.</param>
    /// <param name="sarif">The SARIF options, for <see cref="OutputFormat.Sarif"/>.</param>
    /// <param name="environment">Reads environment variables (<c>GITHUB_WORKSPACE</c> for <see cref="OutputFormat.GitHub"/>).</param>
    public static IReporter CreateReporter(OutputFormat format, SarifSettings? sarif = null, Func<string, string?>? environment = null) => format switch
    {
        OutputFormat.Text => new TextReporter(),
        OutputFormat.Sarif => new SarifReporter(sarif ?? new SarifSettings(null, false)),
        OutputFormat.GitHub => new LintReportReporter(Reporting.GitHub.GitHubAnnotationWriter.Write, LintReportReporter.GitHubWorkspace(environment)),
        OutputFormat.JUnit => new LintReportReporter(Reporting.JUnit.JUnitReportWriter.Write),
        OutputFormat.GitLab => new LintReportReporter(Reporting.GitLab.CodeQualityReportWriter.Write),
        OutputFormat.Json => new LintReportReporter(Reporting.Json.JsonReportWriter.Write),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "No reporter for this format"),
    };
}
