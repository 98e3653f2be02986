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
            var root = CreateRootCommand(context);
            var parseResult = root.Parse(args);
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

    public static RootCommand CreateRootCommand(CliContext context)
    {
        var root = new RootCommand("HostNetLint: lints container deployments that must reach libvirt VMs (ADR-0043)");
        root.Subcommands.Add(CheckCommand.Create(context));
        root.Subcommands.Add(FixCommand.Create(context));
        root.Subcommands.Add(RulesCommand.Create(context));
        root.Subcommands.Add(LspCommand.Create(context));
        return root;
    }

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
