using System.Collections.Immutable;
using System.CommandLine;
using System.CommandLine.Parsing;
using HostNetLint.Hosting.Configuration;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Cli.Commands;

/// <summary>
/// The arguments and options <c>check</c> and <c>fix</c> share (paths, <c>--exclude</c>, <c>--fail-level</c>,
/// <c>--config</c>, <c>--severity</c>, <c>--require-justification</c>, <c>--verbose</c>), defined once so both
/// commands read the same configuration the same way.
/// </summary>
internal sealed class CommonOptions
{
    private readonly Argument<string[]> paths;

    private readonly Option<string[]> exclude = new("--exclude")
    {
        Description = "Leave out files and directories matching this glob (relative to the linted root, forward slashes); repeatable",
        HelpName = "glob",
        AllowMultipleArgumentsPerToken = false,
        CustomParser = TokenValues,
        DefaultValueFactory = NoValues,
    };

    private readonly Option<string> failLevel;

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
        CustomParser = TokenValues,
        DefaultValueFactory = NoValues,
    };

    private readonly Option<bool> requireJustification = new("--require-justification")
    {
        Description = "Report an inline suppression without ' -- reason' as HNL0005",
    };

    /// <param name="verb">What the command does to the paths, for their description.</param>
    /// <param name="failLevelDescription">What the fail level means for this command.</param>
    public CommonOptions(string verb, string failLevelDescription)
    {
        paths = new Argument<string[]>("paths")
        {
            Description = $"Files or directories to {verb}; findings are reported and fixed only in these, what they reference is read for context (default: the current directory)",
            Arity = ArgumentArity.ZeroOrMore,
            CustomParser = TokenValues,
            DefaultValueFactory = NoValues,
        };
        paths.Validators.Add(RejectUnknownOptions);

        failLevel = new Option<string>("--fail-level")
        {
            Description = failLevelDescription,
            HelpName = "error|warning|note",
            DefaultValueFactory = _ => "warning",
        };
        failLevel.AcceptOnlyFromAmong("error", "warning", "note");

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
    }

    /// <summary>
    /// The values of a variadic argument or a repeatable option, as given. System.CommandLine's own conversion
    /// creates the array through reflection (<c>Array.CreateInstance</c>), whose first use starts Native AOT's
    /// reflection runtime: about 1 ms of a <c>check</c> of one file (README, "AOT start-up"), and so does its default.
    /// </summary>
    public static string[] TokenValues(ArgumentResult result) => [.. result.Tokens.Select(t => t.Value)];

    /// <summary>The value of a list not given; System.CommandLine's own default is made by reflection, as above.</summary>
    public static string[] NoValues(ArgumentResult result) => [];

    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Show the full exception when the tool itself fails",
    };

    /// <summary>Adds the shared arguments and options; the command adds its own after them, then <see cref="Verbose"/>.</summary>
    public void AddTo(Command command)
    {
        command.Arguments.Add(paths);
        command.Options.Add(exclude);
        command.Options.Add(failLevel);
        command.Options.Add(config);
        command.Options.Add(severity);
        command.Options.Add(requireJustification);
    }

    public LintArguments Read(ParseResult parseResult)
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
            [.. parseResult.GetValue(paths) ?? []],
            [.. parseResult.GetValue(exclude) ?? []],
            ParseFailLevel(parseResult.GetValue(failLevel)),
            parseResult.GetResult(failLevel) is { Implicit: false },
            parseResult.GetValue(config),
            severities.ToImmutable(),
            parseResult.GetValue(requireJustification));
    }

    private static Severity ParseFailLevel(string? text) =>
        text is not null && SeverityNames.TryParse(text, out var severity) && severity != Severity.None ? severity : Severity.Warning;

    /// <summary>A path that really starts with '-' can be written <c>./-name</c>.</summary>
    private static void RejectUnknownOptions(ArgumentResult result)
    {
        foreach (var token in result.Tokens)
        {
            if (token.Value.Length > 1 && token.Value[0] == '-')
            {
                result.AddError($"Unrecognized option '{token.Value}' (to check a path that starts with '-', write './{token.Value}').");
            }
        }
    }
}

/// <summary>The parsed shared options of one <c>check</c> or <c>fix</c>.</summary>
internal sealed record LintArguments(
    ImmutableArray<string> Paths,
    ImmutableArray<string> Exclude,
    Severity FailLevel,
    bool FailLevelGiven,
    string? ConfigFile,
    ImmutableDictionary<string, Severity> Severities,
    bool RequireJustification)
{
    /// <summary>The command line as the last settings layer for a run over <paramref name="root"/>.</summary>
    public LintSettingsRequest ToSettings(string root, string currentDirectory) => new()
    {
        Root = root,
        ConfigFile = ConfigFile is { } file ? Path.GetFullPath(file, currentDirectory) : null,
        Severities = Severities,

        // --fail-level counts only when written; else hostnetlint.yaml's failLevel, else the CLI's default (warning).
        FailLevel = FailLevelGiven ? FailLevel : null,
        DefaultFailLevel = FailLevel,
        RequireJustification = RequireJustification,
        Exclude = Exclude,
    };
}
