using System.Globalization;
using System.Text;

namespace HostNetLint.LanguageServer.JsonRpc;

/// <summary>
/// Reads messages of the LSP base protocol: header lines (<c>Content-Length: N</c>, optionally <c>Content-Type</c>), an
/// empty line, then exactly N bytes of UTF-8 JSON. Headers and content are bounded, so a broken client cannot make the
/// server buffer without end.
/// </summary>
internal sealed class MessageReader
{
    /// <summary>Far above any real document (the model refuses files over its own limit anyway).</summary>
    public const int MaxContentLength = 256 * 1024 * 1024;

    private const int MaxHeaderLine = 4096;

    private readonly Stream input;
    private readonly byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;

    public MessageReader(Stream input) => this.input = input;

    /// <summary>The next message's content; null at the end of the stream between messages.</summary>
    /// <exception cref="ProtocolException">The stream is not in the base protocol (the connection cannot go on).</exception>
    public async Task<byte[]?> ReadAsync(CancellationToken cancellationToken)
    {
        int? length = null;
        var first = true;
        while (true)
        {
            var line = await ReadHeaderLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null)
            {
                return first ? null : throw new ProtocolException("The stream ended inside a message header.");
            }

            first = false;
            if (line.Length == 0)
            {
                break;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new ProtocolException($"Malformed header line '{line}'.");
            }

            if (line[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                if (!int.TryParse(line[(colon + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > MaxContentLength)
                {
                    throw new ProtocolException($"Content-Length '{line[(colon + 1)..].Trim()}' is not a length up to {MaxContentLength} bytes.");
                }

                length = value;
            }
        }

        if (length is not { } count)
        {
            throw new ProtocolException("A message has no Content-Length header.");
        }

        var content = new byte[count];
        var filled = Math.Min(count, end - start);
        buffer.AsSpan(start, filled).CopyTo(content);
        start += filled;
        while (filled < count)
        {
            var read = await input.ReadAsync(content.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new ProtocolException("The stream ended inside a message.");
            }

            filled += read;
        }

        return content;
    }

    /// <summary>One header line without its CR LF; null at the end of the stream before any byte of it.</summary>
    private async Task<string?> ReadHeaderLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        while (true)
        {
            if (start == end)
            {
                start = 0;
                end = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (end == 0)
                {
                    return line.Length == 0 ? null : throw new ProtocolException("The stream ended inside a header line.");
                }
            }

            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            var take = newline < 0 ? end - start : newline;
            line.Append(Encoding.ASCII.GetString(buffer, start, take));
            start += newline < 0 ? take : take + 1;
            if (line.Length > MaxHeaderLine)
            {
                throw new ProtocolException($"A header line is longer than {MaxHeaderLine} characters.");
            }

            if (newline >= 0)
            {
                return line.ToString().TrimEnd('\r');
            }
        }
    }
}
