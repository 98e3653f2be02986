using System.Collections.Immutable;
using System.CommandLine;
using System.CommandLine.Parsing;
using HostNetLint.Reporting.Baseline;
using HostNetLint.Reporting.Sarif;
using HostNetLint.Hosting.Configuration;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Cli.Commands;

/// <summary>
/// The configuration options of <c>check</c> (<c>--config</c>, <c>--severity</c>, <c>--require-justification</c>,
/// <c>--baseline</c>, <c>--write-baseline</c>) and how they become <see cref="LintSettings"/>; kept apart from
/// <see cref="CheckCommand"/> so the command only wires them.
/// </summary>
internal sealed class LintSettingsOptions
{
    private readonly Option<string> config = new("--config")
    {
        Description = "Read this configuration file instead of the nearest hostnetlint.yaml above the linted root",
        HelpName = "file",
    };

    private readonly Option<string[]> severity = new("--severity")
    {
        Description = "Set a rule's severity, over .editorconfig and hostnetlint.yaml; repeatable",
        HelpName = "HNLxxxx=error|warning|note|none|default",
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<bool> requireJustification = new("--require-justification")
    {
        Description = "Report an inline suppression without ' -- reason' as HNL0005",
    };

    private readonly Option<string> baseline = new("--baseline")
    {
        Description = "Report only findings that are not in this baseline (a SARIF file written by --write-baseline)",
        HelpName = "file",
    };

    private readonly Option<string> writeBaseline = new("--write-baseline")
    {
        Description = "Record today's findings in this SARIF baseline file, then report as usual",
        HelpName = "file",
    };

    public void AddTo(Command command)
    {
        severity.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (!SeverityLevels.TryParseAssignment(token.Value, out _, out _, out var error))
                {
                    result.AddError($"--severity {error}.");
                }
            }
        });
        command.Options.Add(config);
        command.Options.Add(severity);
        command.Options.Add(requireJustification);
        command.Options.Add(baseline);
        command.Options.Add(writeBaseline);
    }

    /// <summary>Reads the options; <paramref name="failLevel"/> counts only when it was written on the command line.</summary>
    public LintArguments Read(ParseResult parseResult, Option<string> failLevel)
    {
        var severities = ImmutableDictionary.CreateBuilder<string, Severity>(StringComparer.Ordinal);
        foreach (var assignment in parseResult.GetValue(severity) ?? [])
        {
            if (SeverityLevels.TryParseAssignment(assignment, out var id, out var level, out _))
            {
                severities[id] = level;
            }
        }

        return new LintArguments(
            parseResult.GetValue(config),
            severities.ToImmutable(),
            parseResult.GetValue(requireJustification),
            parseResult.GetValue(baseline),
            parseResult.GetValue(writeBaseline),
            parseResult.GetResult(failLevel) is { Implicit: false });
    }

    /// <summary>Layers the configuration for a check of <paramref name="root"/>.</summary>
    public static LintSettings Build(CheckSettings settings, string root, string currentDirectory)
    {
        var arguments = settings.Lint ?? LintArguments.None;
        return LintSettingsBuilder.Build(new LintSettingsRequest
        {
            Root = root,
            ConfigFile = arguments.ConfigFile is { } file ? Path.GetFullPath(file, currentDirectory) : null,
            Severities = arguments.Severities,
            FailLevel = arguments.FailLevelGiven || settings.Lint is null ? settings.FailLevel : null,
            DefaultFailLevel = settings.FailLevel,
            RequireJustification = arguments.RequireJustification,
            Exclude = settings.Exclude,
        });
    }

    /// <summary>
    /// Writes and applies the baseline; returns the findings to report and how many the baseline knew, or an
    /// error message when the baseline cannot be read.
    /// </summary>
    public static (ImmutableArray<Diagnostic> Reported, int Known, string? Error) ApplyBaseline(LintArguments? arguments, ImmutableArray<Diagnostic> diagnostics, string root, string currentDirectory)
    {
        if (arguments is null || (arguments.WriteBaseline is null && arguments.Baseline is null))
        {
            return (diagnostics, 0, null);
        }

        var options = new SarifOptions { SourceRoot = SourceRoots.Find(root), DiagnosticPathBase = root, ToolVersion = "0.0.0" };
        if (arguments.WriteBaseline is { } target)
        {
            SarifBaseline.Write(diagnostics, Path.GetFullPath(target, currentDirectory), options);
        }

        if (arguments.Baseline is not { } source)
        {
            return (diagnostics, 0, null);
        }

        var known = SarifBaseline.TryRead(Path.GetFullPath(source, currentDirectory), out var error);
        if (known is null)
        {
            return (diagnostics, 0, error);
        }

        var outcome = known.Apply(diagnostics, options);
        return (outcome.New, outcome.Known.Length, null);
    }
}

/// <summary>The parsed configuration options of one <c>check</c>.</summary>
internal sealed record LintArguments(
    string? ConfigFile,
    ImmutableDictionary<string, Severity> Severities,
    bool RequireJustification,
    string? Baseline,
    string? WriteBaseline,
    bool FailLevelGiven)
{
    public static LintArguments None { get; } = new(null, ImmutableDictionary<string, Severity>.Empty, false, null, null, true);
}
