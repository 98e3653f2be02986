using System.CommandLine;
using HostNetLint.Cli.Output;
using HostNetLint.Hosting;

namespace HostNetLint.Cli.Commands;

/// <summary><c>hostnetlint check [PATH...]</c>: builds the deployment model of the paths, runs every rule, reports.</summary>
public static class CheckCommand
{
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

        var command = new Command("check", "Lint compose files and systemd units for VM reachability problems");
        common.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(sarifCategory);
        command.Options.Add(sarifIncludeSuppressed);
        command.Options.Add(baseline);
        command.Options.Add(writeBaseline);
        command.Options.Add(common.Verbose);
        command.SetAction(parseResult =>
        {
            var settings = new CheckSettings(
                common.Read(parseResult),
                ParseFormat(parseResult.GetValue(format)),
                parseResult.GetValue(output),
                new SarifSettings(parseResult.GetValue(sarifCategory), parseResult.GetValue(sarifIncludeSuppressed)),
                parseResult.GetValue(baseline),
                parseResult.GetValue(writeBaseline));
            try
            {
                return Execute(settings, context);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                if (OutputFormats.CreateReporter(settings.Format, settings.Sarif) is SarifReporter sarif)
                {
                    var path = settings.OutputFile is null ? null : Path.GetFullPath(settings.OutputFile, context.CurrentDirectory);
                    sarif.WriteToolFailure(new CheckReport([], 0, context.CurrentDirectory, context.CurrentDirectory), ex, path, context.Output);
                }

                return CliApplication.ReportToolFailure(ex, context.Error, parseResult.GetValue(common.Verbose));
            }
        });
        return command;
    }

    /// <summary>Runs a check with already-parsed settings; returns the exit code.</summary>
    internal static int Execute(CheckSettings settings, CliContext context)
    {
        if (LintTarget.Resolve(settings.Lint.Paths, context) is not { } target)
        {
            return ExitCodes.UsageOrToolError;
        }

        var current = context.CurrentDirectory;
        var reporter = OutputFormats.CreateReporter(settings.Format, settings.Sarif);
        var outcome = context.Run.Execute(new LintRequest
        {
            Settings = settings.Lint.ToSettings(target.Root, current),
            Paths = target.FullPaths,
            BaselineFile = settings.Baseline is { } baseline ? Path.GetFullPath(baseline, current) : null,
            WriteBaselineFile = settings.WriteBaseline is { } written ? Path.GetFullPath(written, current) : null,
        });
        if (!outcome.IsConfigurationValid)
        {
            // The HNL0006 findings are the report, and the exit code is a usage error.
            Write(reporter, new CheckReport(outcome.ConfigurationProblems, 1, target.Root, current), settings, context);
            return ExitCodes.UsageOrToolError;
        }

        if (outcome.BaselineError is { } baselineError)
        {
            context.Error.WriteLine($"hostnetlint: error: {Reporting.TerminalText.Escape(baselineError)}");
            return ExitCodes.UsageOrToolError;
        }

        var includeSuppressed = settings.Format == OutputFormat.Sarif && settings.Sarif?.IncludeSuppressed == true;
        var report = new CheckReport(outcome.Diagnostics, outcome.DocumentCount, outcome.Root, current)
        {
            BaselineKnownCount = outcome.BaselineKnownCount,
            Suppressed = includeSuppressed ? outcome.Suppressed : [],
        };
        Write(reporter, report, settings, context);
        return ExitCodes.ForFindings(outcome.Diagnostics, outcome.FailLevel);
    }

    private static void Write(IReporter reporter, CheckReport report, CheckSettings settings, CliContext context)
    {
        if (settings.OutputFile is null)
        {
            reporter.Write(report, context.Output);
        }
        else if (reporter is SarifReporter sarif)
        {
            sarif.WriteFile(report, Path.GetFullPath(settings.OutputFile, context.CurrentDirectory));
        }
        else
        {
            using var file = new StreamWriter(Path.GetFullPath(settings.OutputFile, context.CurrentDirectory), append: false, new System.Text.UTF8Encoding(false));
            reporter.Write(report, file);
        }
    }

    private static OutputFormat ParseFormat(string? text) =>
        text is not null && OutputFormats.TryParse(text, out var format) ? format : OutputFormat.Text;
}

/// <summary>The parsed options of one <c>check</c>.</summary>
internal sealed record CheckSettings(LintArguments Lint, OutputFormat Format, string? OutputFile = null, SarifSettings? Sarif = null, string? Baseline = null, string? WriteBaseline = null);
