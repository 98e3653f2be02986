using HostNetLint.Hosting;
using HostNetLint.LanguageServer.JsonRpc;

namespace HostNetLint.LanguageServer;

/// <summary>Runs the HostNetLint language server (<c>hostnetlint lsp</c>) over a pair of streams.</summary>
public static class LanguageServerHost
{
    /// <summary>
    /// Serves one client until it sends <c>exit</c> or closes its stream. Returns the process exit code: 0 after
    /// <c>shutdown</c>, 1 without it (the specification's rule) or when the input is not in the base protocol.
    /// </summary>
    /// <param name="run">The lint pipeline (tests pass their own seams); the real one when null.</param>
    /// <param name="log">Where failures that cannot be told to the client go (standard error).</param>
    public static async Task<int> RunAsync(Stream input, Stream output, LintRun? run = null, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        using var connection = new JsonRpcConnection(input, output);
        var server = new Server.LanguageServer(connection, run ?? new LintRun());
        try
        {
            await connection.RunAsync(server).ConfigureAwait(false);
        }
        catch (ProtocolException ex)
        {
            log?.WriteLine($"hostnetlint lsp: {ex.Message}");
            return 1;
        }
        finally
        {
            connection.Stop();
        }

        return server.ExitCode ?? (server.IsShutDown ? 0 : 1);
    }
}
