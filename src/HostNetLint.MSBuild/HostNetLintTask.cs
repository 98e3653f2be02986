using System.Collections.Immutable;
using HostNetLint.Hosting;
using HostNetLint.Reporting;
using HostNetLint.Reporting.Sarif;
using HostNetLint.Rules.Diagnostics;
using Microsoft.Build.Framework;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace HostNetLint.MSBuild;

/// <summary>
/// Lints a deployment repository during <c>dotnet build</c> with the same model and engine as the CLI,
/// logs each finding as <c>file(line,col): error HNLxxxx: message</c>, optionally writes SARIF, and
/// touches a stamp only when nothing failed, so an incremental build skips the next run.
/// </summary>
public sealed class HostNetLintTask : MSBuildTask
{
    /// <summary>The linted root: finding paths are relative to it.</summary>
    [Required]
    public string Root { get; set; } = string.Empty;

    /// <summary>
    /// Compose files, units and quadlets to lint; empty means everything under <see cref="Root"/>. Findings are reported
    /// and fixed only in these (and under directories among them) unless <see cref="ReportAll"/> is set.
    /// </summary>
    public ITaskItem[] Files { get; set; } = [];

    /// <summary>
    /// Report findings in every file read, not only in <see cref="Files"/>: the targets set it when
    /// <see cref="Files"/> is their default list (the project named no <c>HostNetLintFile</c> items itself).
    /// </summary>
    public bool ReportAll { get; set; }

    /// <summary>Where to write SARIF 2.1.0; not written when empty.</summary>
    public string? SarifFile { get; set; }

    /// <summary>Apply the automatic fixes to the files before reporting (for local builds).</summary>
    public bool Fix { get; set; }

    /// <summary>Findings at or above this level fail the build (error, warning or note); empty: hostnetlint.yaml's failLevel, else error.</summary>
    public string FailLevel { get; set; } = string.Empty;

    /// <summary>The configuration file; empty: the nearest hostnetlint.yaml at or above <see cref="Root"/>.</summary>
    public string? ConfigFile { get; set; }

    /// <summary>Severity overrides, <c>HNL1002=note;HNL3001=none</c>: the last layer, like the CLI's <c>--severity</c>.</summary>
    public string? Severities { get; set; }

    /// <summary>A SARIF baseline (written by <c>hostnetlint check --write-baseline</c>); only new findings are logged.</summary>
    public string? BaselineFile { get; set; }

    /// <summary>Report an inline suppression without <c>-- reason</c> as HNL0005.</summary>
    public bool RequireJustification { get; set; }

    /// <summary>Log warnings as errors (defaults to the project's TreatWarningsAsErrors).</summary>
    public bool TreatWarningsAsErrors { get; set; }

    /// <summary>Touched after a run that logged no error; the target's incremental output.</summary>
    public string? StampFile { get; set; }

    /// <summary>The base of rule help links.</summary>
    public string HelpBaseUri { get; set; } = RuleDescriptor.DefaultHelpBaseUri;

    public override bool Execute()
    {
        var root = Path.GetFullPath(Root);
        if (TaskSettings.Create(this, root) is not { } settings)
        {
            return false;
        }

        var paths = Files.Select(item => item.GetMetadata("FullPath")).Where(path => path.Length > 0).Distinct(StringComparer.Ordinal);
        var outcome = new LintRun().Execute(new LintRequest
        {
            Settings = settings,
            Paths = [.. paths],
            ReportAll = ReportAll,
            BaselineFile = string.IsNullOrEmpty(BaselineFile) ? null : Path.GetFullPath(BaselineFile),

            // HostNetLintFix=true: fix the files on disk first (local builds), then lint what is left.
            Fix = Fix ? FixMode.Apply : FixMode.None,
            FindingsOnly = true,
            ReportsFixes = !string.IsNullOrEmpty(SarifFile),
        });
        if (!outcome.IsConfigurationValid)
        {
            // Same rule as the CLI: a configuration that cannot be read lints nothing.
            var configLogger = new BuildLogWriter(Log, root, HelpBaseUri, Severity.Note);
            foreach (var problem in outcome.ConfigurationProblems)
            {
                configLogger.Write(problem);
            }

            return false;
        }

        LogFixes(outcome);
        if (outcome.BaselineError is { } error)
        {
            Log.LogError($"HostNetLint: {TerminalText.Escape(error)}");
            return false;
        }

        if (!string.IsNullOrEmpty(BaselineFile))
        {
            Log.LogMessage(MessageImportance.Normal, $"HostNetLint: {outcome.BaselineKnownCount} finding(s) known in the baseline are not shown");
        }

        var logger = new BuildLogWriter(Log, root, HelpBaseUri, TreatWarningsAsErrors ? Severity.Warning : outcome.FailLevel);
        foreach (var diagnostic in outcome.Diagnostics)
        {
            logger.Write(diagnostic);
        }

        if (!string.IsNullOrEmpty(SarifFile))
        {
            WriteSarif(outcome.Diagnostics, root);
        }

        Log.LogMessage(MessageImportance.Normal, $"HostNetLint: {outcome.Diagnostics.Length} finding(s) in {outcome.DocumentCount} file(s) under {root}");
        if (!Log.HasLoggedErrors && !string.IsNullOrEmpty(StampFile))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(StampFile))!);
            File.WriteAllText(StampFile, string.Empty);
        }

        return !Log.HasLoggedErrors;
    }

    private void LogFixes(LintOutcome outcome)
    {
        foreach (var (file, failure) in outcome.Writes)
        {
            if (failure is null)
            {
                Log.LogMessage(MessageImportance.High, $"HostNetLint fixed {TerminalText.Escape(file.Path)}: {file.EditCount} edit(s) ({string.Join(", ", file.RuleIds)})");
            }
            else
            {
                Log.LogWarning($"HostNetLint did not fix {TerminalText.Escape(file.Path)}: {TerminalText.Escape(failure)}");
            }
        }
    }

    private void WriteSarif(ImmutableArray<Diagnostic> diagnostics, string root)
    {
        var path = Path.GetFullPath(SarifFile!);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new SarifOptions
        {
            SourceRoot = SourceRoots.Find(root),
            DiagnosticPathBase = root,
            ToolVersion = typeof(HostNetLintTask).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
            HelpBaseUri = HelpBaseUri,
        };
        new SarifReportWriter(options).WriteFile(diagnostics, path);
    }
}
