using System.Runtime.InteropServices;
using System.Text;

namespace HostNetLint.Cli.Output;

/// <summary>
/// Standard output written as <see cref="Console.Out"/> writes it (the console's encoding without a byte-order mark,
/// flushed after every write, quiet once the reader has gone), without the terminal set-up that System.Console
/// does before its first write on Unix: signal handling, terminal settings and, on a terminal, the terminfo
/// database. A linter prints lines and never moves the cursor, and that set-up was 5% of checking one file with
/// the AOT binary. Linux only; elsewhere, and where glibc's <c>write</c> cannot be bound, it is Console.Out. The
/// reports other programs read are written through a second writer in UTF-8 (<see cref="CreateUtf8"/>).
/// </summary>
internal static partial class StandardOutput
{
    private const string Libc = "libc.so.6";
    private const int OutputDescriptor = 1;
    private const int Interrupted = 4; // EINTR
    private const int WouldBlock = 11; // EAGAIN
    private const int BrokenPipe = 32; // EPIPE
    private const short PollOut = 0x4; // POLLOUT

    private static readonly Lazy<bool> CanWrite = new(BindsWrite);

    /// <summary>Standard output in the console's encoding (from the locale), as Console.Out writes it.</summary>
    public static TextWriter Create() => Create(WithoutPreamble(Console.OutputEncoding), () => Console.Out);

    /// <summary>Standard output as UTF-8 without a byte-order mark, whatever the locale.</summary>
    public static TextWriter CreateUtf8()
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        return Create(utf8, () => new StreamWriter(Console.OpenStandardOutput(), utf8, bufferSize: 256, leaveOpen: true) { AutoFlush = true });
    }

    private static TextWriter Create(Encoding encoding, Func<TextWriter> elsewhere) =>
        OperatingSystem.IsLinux() && CanWrite.Value
            ? new StreamWriter(new DescriptorStream(), encoding, bufferSize: 256, leaveOpen: true) { AutoFlush = true }
            : elsewhere();

    /// <summary>Binds <c>write</c> with an empty write, which touches nothing (musl has no libc.so.6).</summary>
    private static bool BindsWrite()
    {
        try
        {
            return WriteSome([]) >= 0;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Console writes no byte-order mark; the Unicode encodings are the ones that have one.</summary>
    private static Encoding WithoutPreamble(Encoding encoding) => encoding switch
    {
        UTF8Encoding => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        UnicodeEncoding => new UnicodeEncoding(bigEndian: encoding.CodePage == 1201, byteOrderMark: false),
        UTF32Encoding => new UTF32Encoding(bigEndian: encoding.CodePage == 12001, byteOrderMark: false),
        _ => encoding,
    };

    private static nint WriteSome(ReadOnlySpan<byte> bytes) => Write(OutputDescriptor, bytes, (nuint)bytes.Length);

    [LibraryImport(Libc, EntryPoint = "write", SetLastError = true)]
    private static partial nint Write(int descriptor, ReadOnlySpan<byte> bytes, nuint count);

    [LibraryImport(Libc, EntryPoint = "poll", SetLastError = true)]
    private static partial int Poll(ref PollDescriptor descriptors, nuint count, int timeout);

    [StructLayout(LayoutKind.Sequential)]
    private struct PollDescriptor
    {
        public int Descriptor;
        public short Events;
        public short ReturnedEvents;
    }

    /// <summary>Descriptor 1, written the way Console's own stream writes it.</summary>
    private sealed class DescriptorStream : Stream
    {
        /// <summary>Set once the reader has closed the pipe: the rest of the output has nowhere to go.</summary>
        private bool readerGone;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            while (buffer.Length > 0 && !readerGone)
            {
                var written = (int)WriteSome(buffer);
                if (written >= 0)
                {
                    buffer = buffer[written..];
                    continue;
                }

                switch (Marshal.GetLastPInvokeError())
                {
                    case Interrupted:
                        break;
                    case BrokenPipe:
                        // As Console does: `hostnetlint check | head` ends quietly, with the linter's own exit code.
                        readerGone = true;
                        break;
                    case WouldBlock:
                        var descriptor = new PollDescriptor { Descriptor = OutputDescriptor, Events = PollOut };
                        Poll(ref descriptor, 1, -1);
                        break;
                    case var error:
                        throw new IOException(Marshal.GetPInvokeErrorMessage(error), error);
                }
            }
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
