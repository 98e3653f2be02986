using System.Collections.Immutable;
using System.CommandLine;
using HostNetLint.Cli.Output;
using HostNetLint.Fixes;
using HostNetLint.Hosting;
using HostNetLint.Parsing.Text;
using HostNetLint.Reporting;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Cli.Commands;

/// <summary>
/// <c>hostnetlint fix [PATH...]</c>: applies every safe fix (text edits only, files rewritten atomically), then
/// reports what is left like <c>check</c>. <c>--dry-run</c> prints a unified diff for <c>git apply</c> instead.
/// </summary>
public static class FixCommand
{
    public const string Name = "fix";

    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var common = new CommonOptions("fix", "Exit with 1 when a finding at or above this level remains after fixing (over hostnetlint.yaml's failLevel)");

        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "Write nothing; print the changes as a unified diff (for git apply) and exit with 1 when there are any",
        };

        var rules = new Option<string[]>("--rule")
        {
            Description = "Fix only this rule (HNLxxxx); repeatable",
            HelpName = "HNLxxxx",
            AllowMultipleArgumentsPerToken = false,
            CustomParser = CommonOptions.TokenValues,
            DefaultValueFactory = CommonOptions.NoValues,
        };
        rules.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (RuleCatalog.Find(token.Value) is not { } descriptor)
                {
                    result.AddError($"Unknown rule '{token.Value}'.");
                }
                else if (!descriptor.IsFixable)
                {
                    result.AddError($"Rule {token.Value} has no automatic fix: {descriptor.NoFixReason}");
                }
            }
        });

        var command = new Command(Name, "Apply the automatic fixes (text edits only: comments, formatting and line breaks stay), then report what is left");
        common.AddTo(command);
        command.Options.Add(dryRun);
        command.Options.Add(rules);
        command.Options.Add(common.Verbose);
        command.SetAction(parseResult =>
        {
            var settings = new FixSettings(common.Read(parseResult), parseResult.GetValue(dryRun), [.. parseResult.GetValue(rules) ?? []]);
            try
            {
                return Execute(settings, context);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return CliApplication.ReportToolFailure(ex, context.Error, parseResult.GetValue(common.Verbose));
            }
        });
        return command;
    }

    /// <summary>Runs a fix with already-parsed settings; returns the exit code.</summary>
    internal static int Execute(FixSettings settings, CliContext context)
    {
        if (LintTarget.Resolve(settings.Lint.Paths, context) is not { } target)
        {
            return ExitCodes.UsageOrToolError;
        }

        // The same configuration as check (.editorconfig, hostnetlint.yaml, suppressions): a suppressed or
        // switched-off finding is never fixed.
        var current = context.CurrentDirectory;
        var outcome = context.Run.Execute(new LintRequest
        {
            Settings = settings.Lint.ToSettings(target.Root, current),
            Paths = target.FullPaths,
            Fix = settings.DryRun ? FixMode.DryRun : FixMode.Apply,
            FixRules = [.. settings.Rules],
        });
        if (!outcome.IsConfigurationValid)
        {
            new TextReporter().Write(new CheckReport(outcome.ConfigurationProblems, 1, target.Root, current), context.Output);
            return ExitCodes.UsageOrToolError;
        }

        var result = outcome.Fix!;
        var shownRoot = result.Model.Root.Length == 0 ? target.Root : result.Model.Root;
        if (settings.DryRun)
        {
            return WriteDiff(result, shownRoot, context);
        }

        var failures = outcome.Writes.ToDictionary(w => w.File, w => w.Failure);
        foreach (var file in result.Files)
        {
            var shown = DisplayPath.For(file.Path, shownRoot, current);
            if (file.IsChanged)
            {
                if (failures[file] is { } writeFailure)
                {
                    context.Output.WriteLine($"not fixed {shown}: {TerminalText.Escape(writeFailure)}");
                    continue;
                }

                context.Output.WriteLine($"fixed {shown}: {Edits(file.EditCount)} ({string.Join(", ", file.RuleIds)})");
            }

            if (file.RefusedReason is { } reason)
            {
                // A later pass was refused; the passes before it were written above.
                context.Output.WriteLine(file.IsChanged ? $"not all fixes applied to {shown}: {TerminalText.Escape(reason)}" : $"not fixed {shown}: {TerminalText.Escape(reason)}");
            }
        }

        foreach (var finding in result.NotFixed)
        {
            context.Output.WriteLine($"not fixed {NotFixedLine(finding, shownRoot, context)}");
        }

        if (result.ReachedPassLimit)
        {
            context.Output.WriteLine($"fix stopped after {result.Passes} passes; run it again to continue");
        }

        // The outcome's findings come from the files as they are now on disk (a write may have been refused).
        new TextReporter().Write(new CheckReport(outcome.Diagnostics, outcome.DocumentCount, outcome.Root, current), context.Output);
        return ExitCodes.ForFindings(outcome.Diagnostics, outcome.FailLevel);
    }

    private static int WriteDiff(FixAllResult result, string root, CliContext context)
    {
        var changed = false;
        foreach (var file in result.Changed)
        {
            changed = true;
            var relative = DisplayPath.Relative(file.Path, root, context.CurrentDirectory);
            var shown = TerminalText.Escape(relative);
            if (file.Original.Encoding is SourceEncoding.Utf16LittleEndian or SourceEncoding.Utf16BigEndian)
            {
                // git treats UTF-16 as binary; a text diff of it would not apply.
                context.Error.WriteLine($"hostnetlint: {shown} is UTF-16; its {Edits(file.EditCount)} are not shown as a diff");
                continue;
            }

            // The BOM is part of the first line as git sees the file.
            var bom = file.Original.Encoding == SourceEncoding.Utf8WithBom ? "\uFEFF" : string.Empty;
            // In the file's own encoding, whatever the locale, so that the diff applies.
            context.ForPrograms.Write(UnifiedDiff.Create(relative, bom + file.Original.Text, bom + file.NewText));
        }

        foreach (var file in result.Files.Where(f => f.RefusedReason is not null))
        {
            context.Error.WriteLine($"hostnetlint: not fixed {DisplayPath.For(file.Path, root, context.CurrentDirectory)}: {TerminalText.Escape(file.RefusedReason!)}");
        }

        foreach (var finding in result.NotFixed)
        {
            context.Error.WriteLine($"hostnetlint: not fixed {NotFixedLine(finding, root, context)}");
        }

        return changed ? ExitCodes.FindingsAtOrAboveFailLevel : ExitCodes.Success;
    }

    /// <summary>PATH(LINE,COLUMN) ID: why, for a finding fix-all left without a fix.</summary>
    private static string NotFixedLine(Diagnostic finding, string root, CliContext context)
    {
        var start = finding.Location.LineSpan.Start;
        var path = DisplayPath.For(finding.Location.Path, root, context.CurrentDirectory);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{path}({start.Line + 1},{start.Character + 1}) {finding.Id}: {TerminalText.Escape(finding.NoFixReason ?? string.Empty)}");
    }

    private static string Edits(int count) => count == 1 ? "1 edit" : $"{count.ToString(System.Globalization.CultureInfo.InvariantCulture)} edits";
}

/// <summary>The parsed options of one <c>fix</c>.</summary>
internal sealed record FixSettings(LintArguments Lint, bool DryRun, ImmutableArray<string> Rules);
