using System.CommandLine;
using HostNetLint.Cli.Commands;
using HostNetLint.Reporting;

namespace HostNetLint.Cli;

/// <summary>The <c>hostnetlint</c> command line, runnable in-process.</summary>
public static class CliApplication
{
    /// <summary>Runs the tool as <c>hostnetlint ARGS</c> would, in the process's current directory.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, stdout, stderr, Environment.CurrentDirectory);

    /// <summary>Runs the tool with relative paths resolved against, and shown relative to, <paramref name="currentDirectory"/>.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, string currentDirectory) =>
        Run(args, new CliContext(stdout, stderr, currentDirectory));

    /// <summary>Runs the tool in <paramref name="context"/> (its writers, directory, model builder and linter).</summary>
    public static int Run(string[] args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var stdout = context.Output;
        var stderr = context.Error;
        try
        {
            var parseResult = Parse(args, context);
            if (parseResult.Errors.Count > 0)
            {
                foreach (var error in parseResult.Errors)
                {
                    stderr.WriteLine($"hostnetlint: error: {error.Message}");
                }

                stderr.WriteLine("Run 'hostnetlint --help' for usage.");
                return ExitCodes.UsageOrToolError;
            }

            return parseResult.Invoke(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ReportToolFailure(ex, stderr, verbose: false, offerVerbose: false);
        }
    }

    private const string Description = "HostNetLint: lints container deployments that must reach libvirt VMs (ADR-0043)";

    /// <summary>The aliases of the --help and --version options that System.CommandLine's <see cref="RootCommand"/> adds.</summary>
    private static readonly string[] BuiltInTokens = ["--help", "-h", "/h", "-?", "/?", "--version"];

    /// <summary>The subcommands, by the name that selects them.</summary>
    private static readonly (string Name, Func<CliContext, Command> Create)[] Subcommands =
    [
        (CheckCommand.Name, CheckCommand.Create),
        (FixCommand.Name, FixCommand.Create),
        (RulesCommand.Name, RulesCommand.Create),
        (LspCommand.Name, LspCommand.Create),
    ];

    /// <summary>
    /// Parses <paramref name="args"/> with a lean tree when it can: only the subcommand the first argument names, and
    /// System.CommandLine's built-in --help and --version options only when the command line may use them. Their
    /// constructors read descriptions through a ResourceManager whose first use starts the reflection runtime, and
    /// the other subcommands' options are never used: together about a seventh of an AOT <c>check</c> of one file
    /// (README, "AOT start-up"). A command line that fails to parse so is parsed again with the whole tree, so
    /// errors read as they always did.
    /// </summary>
    internal static ParseResult Parse(string[] args, CliContext context, bool allowLean = true)
    {
        if (allowLean && !MayUseBuiltIns(args))
        {
            var root = new Command(RootCommand.ExecutableName, Description);
            foreach (var (name, create) in Subcommands)
            {
                if (name == args[0])
                {
                    root.Subcommands.Add(create(context));
                }
            }

            var lean = root.Parse(args);
            if (lean.Errors.Count == 0)
            {
                return lean;
            }
        }

        return CreateRootCommand(context).Parse(args);
    }

    public static RootCommand CreateRootCommand(CliContext context)
    {
        var root = new RootCommand(Description);
        foreach (var (_, create) in Subcommands)
        {
            root.Subcommands.Add(create(context));
        }

        return root;
    }

    /// <summary>
    /// True when a token could mean a built-in option or directive: an alias of --help or --version (a path
    /// argument would otherwise take "/?"), a bundle of one-letter options that could hold -h or -?, a directive
    /// such as [suggest] (ignored by a root that is not a <see cref="RootCommand"/>), a response file (@FILE), or no
    /// arguments at all. Without the built-ins such a command line could parse without error yet mean something else.
    /// </summary>
    private static bool MayUseBuiltIns(string[] args) =>
        args.Length == 0 || args.Any(arg => BuiltInTokens.Contains(arg)
            || arg.StartsWith('[') || arg.StartsWith('@')
            || (arg.Length > 2 && arg[0] == '-' && arg[1] != '-' && arg.AsSpan(1).IndexOfAny('h', '?') >= 0));

    /// <summary>Reports a failure of the tool itself (not a finding): one line on stderr, the stack trace only when asked for.</summary>
    internal static int ReportToolFailure(Exception exception, TextWriter stderr, bool verbose, bool offerVerbose = true)
    {
        stderr.WriteLine($"hostnetlint: error: {TerminalText.Escape(exception.Message)}");
        if (verbose)
        {
            stderr.WriteLine(exception.ToString());
        }
        else if (offerVerbose)
        {
            stderr.WriteLine("Run with --verbose for details.");
        }

        return ExitCodes.UsageOrToolError;
    }
}
