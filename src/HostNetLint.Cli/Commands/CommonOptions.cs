using System.CommandLine;
using System.CommandLine.Parsing;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Cli.Commands;

/// <summary>The arguments and options <c>check</c> and <c>fix</c> share, defined once so they read and behave the same.</summary>
internal static class CommonOptions
{
    /// <summary>The paths argument; an unknown option such as <c>--bogus</c> is rejected rather than taken as a path.</summary>
    public static Argument<string[]> Paths(string verb)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = $"Files or directories to {verb} (default: the current directory)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        paths.Validators.Add(RejectUnknownOptions);
        return paths;
    }

    public static Option<string[]> Exclude() => new("--exclude")
    {
        Description = "Leave out files and directories matching this glob (relative to the linted root, forward slashes); repeatable",
        HelpName = "glob",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<string> FailLevel(string description)
    {
        var failLevel = new Option<string>("--fail-level")
        {
            Description = description,
            HelpName = "error|warning|note",
            DefaultValueFactory = _ => "warning",
        };
        failLevel.AcceptOnlyFromAmong("error", "warning", "note");
        return failLevel;
    }

    public static Option<bool> Verbose() => new("--verbose")
    {
        Description = "Show the full exception when the tool itself fails",
    };

    public static Severity ParseFailLevel(string? text) =>
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
