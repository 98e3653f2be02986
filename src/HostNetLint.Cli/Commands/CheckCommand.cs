using System.Collections.Immutable;
using System.CommandLine;
using System.CommandLine.Parsing;
using HostNetLint.Cli.Output;
using HostNetLint.Model;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Cli.Commands;

/// <summary><c>hostnetlint check [PATH...]</c>: builds the deployment model of the paths, runs every rule, reports.</summary>
public static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var paths = new Argument<string[]>("paths")
        {
            Description = "Files or directories to check (default: the current directory)",
            Arity = ArgumentArity.ZeroOrMore,
        };

        var exclude = new Option<string[]>("--exclude")
        {
            Description = "Leave out files and directories matching this glob (relative to the linted root, forward slashes); repeatable",
            HelpName = "glob",
            AllowMultipleArgumentsPerToken = false,
        };

        var failLevel = new Option<string>("--fail-level")
        {
            Description = "Exit with 1 when a finding is at or above this level",
            HelpName = "error|warning|note",
            DefaultValueFactory = _ => "warning",
        };
        failLevel.AcceptOnlyFromAmong("error", "warning", "note");

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

        var verbose = new Option<bool>("--verbose")
        {
            Description = "Show the full exception when the tool itself fails",
        };

        var command = new Command("check", "Lint compose files and systemd units for VM reachability problems");
        paths.Validators.Add(RejectUnknownOptions);
        command.Arguments.Add(paths);
        command.Options.Add(exclude);
        command.Options.Add(failLevel);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(sarifCategory);
        command.Options.Add(sarifIncludeSuppressed);
        command.Options.Add(verbose);
        command.SetAction(parseResult =>
        {
            var settings = new CheckSettings(
                [.. parseResult.GetValue(paths) ?? []],
                [.. parseResult.GetValue(exclude) ?? []],
                ParseFailLevel(parseResult.GetValue(failLevel)),
                ParseFormat(parseResult.GetValue(format)),
                parseResult.GetValue(output),
                new SarifSettings(parseResult.GetValue(sarifCategory), parseResult.GetValue(sarifIncludeSuppressed)));
            try
            {
                return Execute(settings, context);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
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
        var modelOptions = ModelOptions.Default with { Exclude = settings.Exclude };
        var model = context.BuildModel(root, fullPaths, modelOptions);
        var diagnostics = context.Lint(model, LintOptions.Default);

        var report = new CheckReport(diagnostics, model.Documents.Length, model.Root.Length == 0 ? root : model.Root, context.CurrentDirectory);
        var reporter = OutputFormats.CreateReporter(settings.Format, settings.Sarif);
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

        return ExitCodes.ForFindings(diagnostics, settings.FailLevel);
    }

    /// <summary>
    /// An unknown option such as <c>--bogus</c> would otherwise be taken as a path. A path that really
    /// starts with '-' can be written <c>./-name</c>.
    /// </summary>
    internal static void RejectUnknownOptions(ArgumentResult result)
    {
        foreach (var token in result.Tokens)
        {
            if (token.Value.Length > 1 && token.Value[0] == '-')
            {
                result.AddError($"Unrecognized option '{token.Value}' (to check a path that starts with '-', write './{token.Value}').");
            }
        }
    }

    internal static Severity ParseFailLevel(string? text) =>
        text is not null && SeverityNames.TryParse(text, out var severity) && severity != Severity.None ? severity : Severity.Warning;

    private static OutputFormat ParseFormat(string? text) =>
        text is not null && OutputFormats.TryParse(text, out var format) ? format : OutputFormat.Text;
}

/// <summary>The parsed options of one <c>check</c>.</summary>
internal sealed record CheckSettings(ImmutableArray<string> Paths, ImmutableArray<string> Exclude, Severity FailLevel, OutputFormat Format, string? OutputFile = null, SarifSettings? Sarif = null);
