using System.CommandLine;
using HostNetLint.LanguageServer;

namespace HostNetLint.Cli.Commands;

/// <summary>
/// <c>hostnetlint lsp</c>: the language server on standard input and output, for editors (README "Editors"). Findings
/// as you type, quick fixes, fix-all and suppressions, from the same pipeline and configuration as <c>check</c> and <c>fix</c>.
/// </summary>
public static class LspCommand
{
    public const string Name = "lsp";

    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // vscode-languageclient and others append --stdio when they choose that transport; it is the only one.
        var stdio = new Option<bool>("--stdio")
        {
            Description = "Speak LSP over standard input and output (the default and only transport)",
        };

        var command = new Command(Name, "Run the language server (LSP over standard input and output) for editors");
        command.Options.Add(stdio);
        command.SetAction(_ =>
        {
            using var input = Console.OpenStandardInput();
            using var output = Console.OpenStandardOutput();
            return LanguageServerHost.RunAsync(input, output, context.Run, context.Error).GetAwaiter().GetResult();
        });
        return command;
    }
}
