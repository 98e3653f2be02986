using System.CommandLine;
using HostNetLint.Cli.Output;
using HostNetLint.Hosting;
using HostNetLint.Model.Discovery;

namespace HostNetLint.Cli.Commands;

/// <summary><c>hostnetlint check [PATH...]</c>: builds the deployment model of the paths, runs every rule, reports.</summary>
public static class CheckCommand
{
    public const string Name = "check";

    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var common = new CommonOptions("check", "Exit with 1 when a finding is at or above this level (over hostnetlint.yaml's failLevel)");

        var format = new Option<string>("--format")
        {
            Description = "Output format",
            HelpName = string.Join('|', OutputFormats.Names),
            DefaultValueFactory = _ => OutputFormats.Names[0],
        };
        format.AcceptOnlyFromAmong([.. OutputFormats.Names]);

        var output = new Option<string>("--output", "-o")
        {
            Description = "Write the report to this file instead of standard output",
            HelpName = "file",
        };

        var reports = new Option<string[]>("--report")
        {
            Description = "Also write a report in this format to this file ('-' for standard output, which then replaces the default text report); repeatable, so one run writes SARIF, JUnit and annotations together",
            HelpName = "FORMAT=PATH",
            AllowMultipleArgumentsPerToken = false,
            CustomParser = CommonOptions.TokenValues,
            DefaultValueFactory = CommonOptions.NoValues,
        };
        reports.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (!ReportTarget.TryParse(token.Value, out _, out var error))
                {
                    result.AddError($"--report {error}.");
                }
            }
        });

        var sarifCategory = new Option<string>("--sarif-category")
        {
            Description = "SARIF automationDetails.id category, to tell apart several analyses of one commit in code scanning",
            HelpName = "category",
        };

        var sarifIncludeSuppressed = new Option<bool>("--sarif-include-suppressed")
        {
            Description = "Keep suppressed findings in SARIF (with suppressions[]); GitHub shows them as open alerts",
        };

        var baseline = new Option<string>("--baseline")
        {
            Description = "Report only findings that are not in this baseline (a SARIF file written by --write-baseline)",
            HelpName = "file",
        };

        var writeBaseline = new Option<string>("--write-baseline")
        {
            Description = "Record today's findings in this SARIF baseline file, then report as usual",
            HelpName = "file",
        };

        var listFiles = new Option<bool>("--list-files")
        {
            Description = "Print which files are read, as which compose project and why (or why a file is left out), instead of linting",
        };

        var command = new Command(Name, "Lint compose files and systemd units for VM reachability problems");
        common.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(reports);
        command.Options.Add(sarifCategory);
        command.Options.Add(sarifIncludeSuppressed);
        command.Options.Add(baseline);
        command.Options.Add(writeBaseline);
        command.Options.Add(listFiles);
        command.Options.Add(common.Verbose);
        command.SetAction(parseResult =>
        {
            var settings = new CheckSettings(
                common.Read(parseResult),
                ParseFormat(parseResult.GetValue(format)),
                parseResult.GetValue(output),
                new SarifSettings(parseResult.GetValue(sarifCategory), parseResult.GetValue(sarifIncludeSuppressed)),
                parseResult.GetValue(baseline),
                parseResult.GetValue(writeBaseline))
            {
                FormatGiven = parseResult.GetResult(format) is { Implicit: false },
                ListFiles = parseResult.GetValue(listFiles),
                Reports = [.. (parseResult.GetValue(reports) ?? []).Select(r => ReportTarget.TryParse(r, out var target, out _) ? target! : throw new InvalidOperationException(r))],
            };
            try
            {
                return Execute(settings, context);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                WriteToolFailure(settings, ex, context);
                return CliApplication.ReportToolFailure(ex, context.Error, parseResult.GetValue(common.Verbose));
            }
        });
        return command;
    }

    /// <summary>Runs a check with already-parsed settings; returns the exit code.</summary>
    internal static int Execute(CheckSettings settings, CliContext context)
    {
        var current = context.CurrentDirectory;
        var targets = ReportTarget.Plan(settings, current, out var planError);
        if (planError is not null)
        {
            context.Error.WriteLine($"hostnetlint: error: {Reporting.TerminalText.Escape(planError)}.");
            return ExitCodes.UsageOrToolError;
        }

        if (LintTarget.Resolve(settings.Lint.Paths, context) is not { } target)
        {
            return ExitCodes.UsageOrToolError;
        }

        var outcome = context.Run.Execute(new LintRequest
        {
            Settings = settings.Lint.ToSettings(target.Root, current),
            Paths = target.FullPaths,
            BaselineFile = settings.Baseline is { } baseline ? Path.GetFullPath(baseline, current) : null,
            WriteBaselineFile = settings.WriteBaseline is { } written ? Path.GetFullPath(written, current) : null,
            ModelOnly = settings.ListFiles,

            // Only the findings are rendered, so separate deployment trees may be linted a batch at a time.
            FindingsOnly = true,
            ReportsFixes = targets.Any(t => t.Format is OutputFormat.Sarif or OutputFormat.Json),
            CollectsBetweenBatches = true,
        });
        if (!outcome.IsConfigurationValid)
        {
            // The HNL0006 findings are the report, and the exit code is a usage error.
            WriteAll(targets, new CheckReport(outcome.ConfigurationProblems, 1, target.Root, current), settings, context);
            return ExitCodes.UsageOrToolError;
        }

        if (settings.ListFiles)
        {
            // The discovery record is the whole answer; findings and reports are not written.
            FileDiscoveryFormat.Write(context.Output, outcome.Model?.Discovery ?? []);
            return ExitCodes.Success;
        }

        if (outcome.BaselineError is { } baselineError)
        {
            context.Error.WriteLine($"hostnetlint: error: {Reporting.TerminalText.Escape(baselineError)}");
            return ExitCodes.UsageOrToolError;
        }

        var report = new CheckReport(outcome.Diagnostics, outcome.DocumentCount, outcome.Root, current)
        {
            BaselineKnownCount = outcome.BaselineKnownCount,
            Files = outcome.ReportedFiles,

            // Only SARIF writes suppressed findings, and only when asked to.
            Suppressed = settings.Sarif?.IncludeSuppressed == true ? outcome.Suppressed : [],
        };
        WriteAll(targets, report, settings, context);
        return ExitCodes.ForFindings(outcome.Diagnostics, outcome.FailLevel);
    }

    /// <summary>
    /// Writes every report, files first and standard output last; with a <c>github</c> report in GitHub Actions
    /// (<c>$GITHUB_STEP_SUMMARY</c> set) also appends the Markdown job summary.
    /// </summary>
    private static void WriteAll(IReadOnlyList<ReportTarget> targets, CheckReport report, CheckSettings settings, CliContext context)
    {
        foreach (var target in targets.OrderBy(t => t.File is null))
        {
            Write(OutputFormats.CreateReporter(target.Format, settings.Sarif, context.Environment), report, target.File, context.OutputFor(target.Format), context);
        }

        if (targets.Any(t => t.Format == OutputFormat.GitHub) && context.Environment("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
        {
            var lintReport = LintReportReporter.ToLintReport(report, LintReportReporter.GitHubWorkspace(context.Environment));
            using var file = new StreamWriter(Path.GetFullPath(summary, context.CurrentDirectory), append: true, new System.Text.UTF8Encoding(false));
            Reporting.GitHub.JobSummaryWriter.Write(lintReport, file);
        }
    }

    private static void Write(IReporter reporter, CheckReport report, string? outputFile, TextWriter standardOutput, CliContext context)
    {
        if (outputFile is null)
        {
            reporter.Write(report, standardOutput);
        }
        else if (reporter is SarifReporter sarif)
        {
            sarif.WriteFile(report, Path.GetFullPath(outputFile, context.CurrentDirectory));
        }
        else
        {
            using var file = new StreamWriter(Path.GetFullPath(outputFile, context.CurrentDirectory), append: false, new System.Text.UTF8Encoding(false));
            reporter.Write(report, file);
        }
    }

    /// <summary>
    /// A failure of the tool itself still produces each SARIF report asked for, so the upload step sees
    /// <c>executionSuccessful: false</c> and the reason instead of a missing or empty file.
    /// </summary>
    private static void WriteToolFailure(CheckSettings settings, Exception exception, CliContext context)
    {
        var targets = ReportTarget.Plan(settings, context.CurrentDirectory, out _);
        foreach (var target in targets.Where(t => t.Format == OutputFormat.Sarif))
        {
            var sarif = (SarifReporter)OutputFormats.CreateReporter(OutputFormat.Sarif, settings.Sarif);
            var path = target.File is null ? null : Path.GetFullPath(target.File, context.CurrentDirectory);
            sarif.WriteToolFailure(new CheckReport([], 0, context.CurrentDirectory, context.CurrentDirectory), exception, path, context.OutputFor(OutputFormat.Sarif));
        }
    }

    private static OutputFormat ParseFormat(string? text) =>
        text is not null && OutputFormats.TryParse(text, out var format) ? format : OutputFormat.Text;
}

/// <summary>The parsed options of one <c>check</c>.</summary>
internal sealed record CheckSettings(LintArguments Lint, OutputFormat Format, string? OutputFile = null, SarifSettings? Sarif = null, string? Baseline = null, string? WriteBaseline = null)
{
    /// <summary>Whether <c>--format</c> was written (the default text report gives standard output up to a <c>--report FORMAT=-</c>).</summary>
    public bool FormatGiven { get; init; }

    /// <summary>Whether <c>--list-files</c> asked for the discovery record instead of a lint report.</summary>
    public bool ListFiles { get; init; }

    /// <summary>The <c>--report FORMAT=PATH</c>s, in order.</summary>
    public System.Collections.Immutable.ImmutableArray<ReportTarget> Reports { get; init; } = [];
}
