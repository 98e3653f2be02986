using System.Globalization;
using System.Text;

namespace HostNetLint.LanguageServer.JsonRpc;

/// <summary>Writes base-protocol messages, one at a time: responses, notifications and requests come from many tasks.</summary>
internal sealed class MessageWriter : IDisposable
{
    private readonly Stream output;
    private readonly SemaphoreSlim gate = new(1, 1);

    public MessageWriter(Stream output) => this.output = output;

    public async Task WriteAsync(ReadOnlyMemory<byte> content)
    {
        var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"Content-Length: {content.Length}\r\n\r\n"));
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await output.WriteAsync(header).ConfigureAwait(false);
            await output.WriteAsync(content).ConfigureAwait(false);
            await output.FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();
}
