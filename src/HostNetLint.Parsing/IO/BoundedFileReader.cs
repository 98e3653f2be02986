using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace HostNetLint.Parsing.IO;

/// <summary>
/// The one way HostNetLint reads an input file (compose files, units, <c>.env</c>, <c>hostnetlint.yaml</c>,
/// <c>.editorconfig</c>, baselines): only a regular file is read, it is opened without blocking, and never more than
/// the limit plus one byte is read, whatever size the file claims. A FIFO, a device (<c>/dev/zero</c>), a socket
/// or a directory under an input name is refused before a byte is read, so it cannot hang the run or exhaust
/// memory. On Linux the kind is taken from the open descriptor (<c>statx</c>), so a path swapped between the check
/// and the read changes nothing; elsewhere (or with a libc older than glibc 2.28, which lacks statx) .NET's own open
/// is used: the size bound still holds, but a FIFO may block there.
/// </summary>
public static class BoundedFileReader
{
    // A file that grows past its claimed size grows the buffer by at least this much at a time.
    private const int FirstChunk = 64 * 1024;

    public static FileReadResult Read(string path, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            return FileReadResult.Failure(FileReadOutcome.Failed, null, "the path contains a NUL character");
        }

        try
        {
            var (handle, status, error, linux) = Open(path);
            if (handle is null || status is null)
            {
                handle?.Dispose();
                return FileReadResult.Failure(FileReadOutcome.Failed, status, error ?? "it could not be opened");
            }

            using (handle)
            {
                if (status.Kind != FileKind.Regular)
                {
                    return FileReadResult.Failure(FileReadOutcome.NotRegular, status, $"it is {FileStatus.Describe(status.Kind)}, not a regular file");
                }

                if (status.Size > maxBytes)
                {
                    return FileReadResult.Failure(FileReadOutcome.TooLarge, status, string.Create(CultureInfo.InvariantCulture, $"it is {status.Size:N0} bytes, over the limit of {maxBytes:N0}"));
                }

                return ReadAtMost(handle, status, maxBytes, linux);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return FileReadResult.Failure(FileReadOutcome.Failed, null, ex.Message.TrimEnd('.'));
        }
    }

    /// <summary>Reads to the end or to <paramref name="maxBytes"/> + 1 bytes, whichever comes first (a file may grow, or lie about its size).</summary>
    /// <remarks>
    /// The buffer has the size the file claims, and one byte more shows whether it grew: most files are read into the
    /// array that is returned, with no copy, and no larger buffer is zeroed per file (that was a large share of a big
    /// run's allocations). A file that claims less than it has (procfs, a file still being written) grows the buffer.
    /// </remarks>
    private static FileReadResult ReadAtMost(SafeFileHandle handle, FileStatus status, long maxBytes, bool linux)
    {
        var ceiling = (int)Math.Min(maxBytes + 1, Array.MaxLength);
        var buffer = new byte[(int)Math.Min(ceiling, Math.Max(status.Size, 0))];
        var total = 0;
        Span<byte> probe = stackalloc byte[1];
        if (linux && buffer.Length < ceiling)
        {
            // The usual file, in one call: its claimed size, and the probe byte that shows whether it ends there.
            var claimed = buffer.Length;
            var read = LinuxFile.ReadAt(handle, buffer, probe, 0, out var error);
            if (read < 0)
            {
                throw new IOException(error);
            }

            if (read == claimed)
            {
                return new FileReadResult(FileReadOutcome.Read, buffer, status, null);
            }

            if (read > claimed)
            {
                // It grew: the probe byte is its next one, and the loop reads on.
                Array.Resize(ref buffer, (int)Math.Min(ceiling, Math.Max((long)claimed * 2, FirstChunk)));
                buffer[claimed] = probe[0];
                total = claimed + 1;
            }
            else
            {
                // Shorter than it claimed (it shrank): the loop finds the end.
                total = (int)read;
            }
        }

        while (true)
        {
            if (total == buffer.Length)
            {
                if (buffer.Length >= ceiling)
                {
                    break;
                }

                // Full as claimed: one byte more says whether the file ends here.
                var extra = RandomAccess.Read(handle, probe, total);
                if (extra == 0)
                {
                    break;
                }

                Array.Resize(ref buffer, (int)Math.Min(ceiling, Math.Max((long)buffer.Length * 2, FirstChunk)));
                buffer[total++] = probe[0];
                continue;
            }

            var read = RandomAccess.Read(handle, buffer.AsSpan(total), total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        if (total > maxBytes)
        {
            return FileReadResult.Failure(FileReadOutcome.TooLarge, status, string.Create(CultureInfo.InvariantCulture, $"it has more than {maxBytes:N0} bytes, the limit"));
        }

        if (total != buffer.Length)
        {
            Array.Resize(ref buffer, total);
        }

        return new FileReadResult(FileReadOutcome.Read, buffer, status, null);
    }

    // Cleared when this libc lacks statx (glibc before 2.28): then .NET's own open is used, as on other systems.
    private static bool linuxCallsAvailable = OperatingSystem.IsLinux();

    private static (SafeFileHandle? Handle, FileStatus? Status, string? Error, bool Linux) Open(string path)
    {
        if (linuxCallsAvailable)
        {
            try
            {
                var (handle, status, error) = OpenOnLinux(path);
                return (handle, status, error, true);
            }
            catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
            {
                linuxCallsAvailable = false;
            }
        }

        // Other systems: .NET's open (which refuses a directory), with the size bound of the caller.
        var managed = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var mode = OperatingSystem.IsWindows() ? default : File.GetUnixFileMode(managed);
        return (managed, new FileStatus(FileKind.Regular, RandomAccess.GetLength(managed), mode, null, null, 1), null, false);
    }

    private static (SafeFileHandle? Handle, FileStatus? Status, string? Error) OpenOnLinux(string path)
    {
        var handle = LinuxFile.OpenForReading(path, out var openError);
        if (handle is null)
        {
            return (null, null, openError);
        }

        try
        {
            var status = LinuxFile.GetStatus(handle, out var statError);
            return (handle, status, statError);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }
}
