using System.Collections.Immutable;
using System.CommandLine;
using HostNetLint.Cli.Output;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Cli.Commands;

/// <summary><c>hostnetlint check [PATH...]</c>: builds the deployment model of the paths, runs every rule, reports.</summary>
public static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var paths = CommonOptions.Paths("check");
        var exclude = CommonOptions.Exclude();
        var failLevel = CommonOptions.FailLevel("Exit with 1 when a finding is at or above this level (over hostnetlint.yaml's failLevel)");

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

        var verbose = CommonOptions.Verbose();

        var lintOptions = new LintSettingsOptions();
        var command = new Command("check", "Lint compose files and systemd units for VM reachability problems");
        command.Arguments.Add(paths);
        command.Options.Add(exclude);
        command.Options.Add(failLevel);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(sarifCategory);
        command.Options.Add(sarifIncludeSuppressed);
        command.Options.Add(verbose);
        lintOptions.AddTo(command);
        command.SetAction(parseResult =>
        {
            var settings = new CheckSettings(
                [.. parseResult.GetValue(paths) ?? []],
                [.. parseResult.GetValue(exclude) ?? []],
                CommonOptions.ParseFailLevel(parseResult.GetValue(failLevel)),
                ParseFormat(parseResult.GetValue(format)),
                parseResult.GetValue(output),
                new SarifSettings(parseResult.GetValue(sarifCategory), parseResult.GetValue(sarifIncludeSuppressed)),
                lintOptions.Read(parseResult, failLevel));
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

                return CliApplication.ReportToolFailure(ex, context.Error, parseResult.GetValue(verbose));
            }
        });
        return command;
    }

    /// <summary>Runs a check with already-parsed settings; returns the exit code.</summary>
    internal static int Execute(CheckSettings settings, CliContext context)
    {
        if (LintTarget.Resolve(settings.Paths, context) is not { } target)
        {
            return ExitCodes.UsageOrToolError;
        }

        var (root, fullPaths) = target;
        var reporter = OutputFormats.CreateReporter(settings.Format, settings.Sarif);
        var lintSettings = LintSettingsOptions.Build(settings, root, context.CurrentDirectory);
        if (!lintSettings.IsValid)
        {
            // A half-read configuration lints nothing: the HNL0006 findings are the report, and the exit code is a usage error.
            Write(reporter, new CheckReport(lintSettings.ConfigurationProblems, 1, root, context.CurrentDirectory), settings, context);
            return ExitCodes.UsageOrToolError;
        }

        var model = context.BuildModel(root, fullPaths, lintSettings.ModelOptions);
        var includeSuppressed = settings.Format == OutputFormat.Sarif && settings.Sarif?.IncludeSuppressed == true;
        var result = includeSuppressed ? context.Analyze(model, lintSettings.LintOptions) : new LintResult(context.Lint(model, lintSettings.LintOptions), []);
        var (diagnostics, known, baselineError) = LintSettingsOptions.ApplyBaseline(settings.Lint, result.Diagnostics, root, context.CurrentDirectory);
        if (baselineError is not null)
        {
            context.Error.WriteLine($"hostnetlint: error: {Reporting.TerminalText.Escape(baselineError)}");
            return ExitCodes.UsageOrToolError;
        }

        var report = new CheckReport(diagnostics, model.Documents.Length, model.Root.Length == 0 ? root : model.Root, context.CurrentDirectory) { BaselineKnownCount = known, Suppressed = result.Suppressed };
        Write(reporter, report, settings, context);
        return ExitCodes.ForFindings(diagnostics, lintSettings.FailLevel);
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
internal sealed record CheckSettings(ImmutableArray<string> Paths, ImmutableArray<string> Exclude, Severity FailLevel, OutputFormat Format, string? OutputFile = null, SarifSettings? Sarif = null, LintArguments? Lint = null);
