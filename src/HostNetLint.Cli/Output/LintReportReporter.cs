using System.Reflection;
using HostNetLint.Reporting;
using HostNetLint.Reporting.Sarif;

namespace HostNetLint.Cli.Output;

/// <summary>
/// A format whose writer lives in HostNetLint.Reporting (GitHub annotations, JUnit, GitLab Code Quality, JSON): the
/// check's result as a <see cref="LintReport"/>, with paths relative to the repository root, handed to the writer.
/// </summary>
/// <param name="write">The format's writer.</param>
/// <param name="repositoryRoot">The root paths are relative to; null for the git work tree root above the current directory.</param>
public sealed class LintReportReporter(Action<LintReport, TextWriter> write, string? repositoryRoot = null) : IReporter
{
    public void Write(CheckReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        write(ToLintReport(report, repositoryRoot), output);
    }

    public static LintReport ToLintReport(CheckReport report, string? repositoryRoot = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var current = Path.GetFullPath(report.CurrentDirectory);
        return new LintReport
        {
            Diagnostics = report.Diagnostics,
            Files = report.Files,
            FileCount = report.FileCount,
            BaselineKnownCount = report.BaselineKnownCount,
            LintedRoot = Path.GetFullPath(report.Root, current),
            RepositoryRoot = repositoryRoot is { Length: > 0 } ? Path.GetFullPath(repositoryRoot, current) : SourceRoots.Find(current),
            ToolVersion = ToolVersion,
        };
    }

    /// <summary>
    /// GitHub resolves an annotation's file against the workspace (<c>$GITHUB_WORKSPACE</c>, the checkout); outside
    /// Actions, the git work tree root.
    /// </summary>
    public static string? GitHubWorkspace(Func<string, string?>? environment) =>
        (environment ?? Environment.GetEnvironmentVariable)("GITHUB_WORKSPACE") is { Length: > 0 } workspace ? workspace : null;

    /// <summary>The tool's version without the commit suffix, as SARIF's <c>semanticVersion</c> and the JSON report write it.</summary>
    public static string ToolVersion =>
        typeof(LintReportReporter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
