using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace HostNetLint.Parsing.IO;

/// <summary>
/// The Linux calls .NET does not expose: <c>open</c> with <c>O_NONBLOCK</c> (a FIFO opens at once instead of
/// waiting for a writer), <c>statx</c> on the open descriptor (file type, owner, group, link count: race-free, as
/// it describes what was opened, not what the path names now) and <c>fchown</c>. <c>statx</c>'s structure has the
/// same layout on every architecture, unlike <c>struct stat</c>. The flag values are the generic Linux ones,
/// shared by x86-64 and arm64. Call these on Linux only (<see cref="OperatingSystem.IsLinux"/>).
/// </summary>
public static partial class LinuxFile
{
    // glibc's soname, which the process has already loaded: the bare name "libc" made .NET probe about 50 paths
    // (libc.so, liblibc.so, each in every library directory) before it bound, about 1 ms of every run. Where there
    // is no libc.so.6 (musl), the DllNotFoundException sends the reader to .NET's own open.
    private const string Libc = "libc.so.6";

    private const int ReadOnly = 0;
    private const int NoControllingTerminal = 0x100; // O_NOCTTY
    private const int NonBlocking = 0x800; // O_NONBLOCK
    private const int CloseOnExec = 0x80000; // O_CLOEXEC
    private const int EmptyPath = 0x1000; // AT_EMPTY_PATH
    private const uint BasicStats = 0x7FF; // STATX_BASIC_STATS
    private const int Interrupted = 4; // EINTR

    /// <summary>Opens <paramref name="path"/> for reading without blocking; the errno message on failure.</summary>
    public static SafeFileHandle? OpenForReading(string path, out string? error)
    {
        int descriptor;
        do
        {
            // open(2) is variadic; without O_CREAT the mode argument is never read, and the two fixed
            // arguments are passed the same way as a non-variadic call on x86-64 and arm64 Linux.
            descriptor = Open(path, ReadOnly | NonBlocking | NoControllingTerminal | CloseOnExec);
        }
        while (descriptor < 0 && Marshal.GetLastPInvokeError() == Interrupted);

        if (descriptor < 0)
        {
            error = Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError());
            return null;
        }

        error = null;
        return new SafeFileHandle(descriptor, ownsHandle: true);
    }

    /// <summary>What the descriptor refers to; null (with the errno message) when statx fails.</summary>
    public static FileStatus? GetStatus(SafeFileHandle handle, out string? error)
    {
        var buffer = default(StatxBuffer);
        if (WithDescriptor(handle, descriptor => Statx(descriptor, string.Empty, EmptyPath, BasicStats, ref buffer)) != 0)
        {
            error = Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError());
            return null;
        }

        error = null;
        var kind = (buffer.Mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Unknown,
        };
        return new FileStatus(kind, (long)Math.Min(buffer.Size, long.MaxValue), (UnixFileMode)(buffer.Mode & 0xFFF), buffer.Uid, buffer.Gid, buffer.LinkCount);
    }

    /// <summary>
    /// Reads from <paramref name="offset"/> into <paramref name="buffer"/> and on into <paramref name="overflow"/> in one
    /// call (<c>preadv</c>): the number of bytes read, fewer than both hold only at the end of the file; -1 (with the
    /// errno message) on failure. One call where .NET's <c>RandomAccess</c> makes two (it asks <c>lseek</c> first
    /// whether the descriptor can seek), and the overflow shows whether a file ends where it claims to, without a
    /// read of its own.
    /// </summary>
    public static unsafe long ReadAt(SafeFileHandle handle, Span<byte> buffer, Span<byte> overflow, long offset, out string? error)
    {
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            var descriptor = (int)handle.DangerousGetHandle();
            fixed (byte* first = buffer)
            fixed (byte* second = overflow)
            {
                var vectors = stackalloc IoVector[2];
                vectors[0] = new IoVector { Base = first, Length = (nuint)buffer.Length };
                vectors[1] = new IoVector { Base = second, Length = (nuint)overflow.Length };
                nint read;
                do
                {
                    read = PReadV(descriptor, vectors, 2, offset);
                }
                while (read < 0 && Marshal.GetLastPInvokeError() == Interrupted);

                error = read < 0 ? Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError()) : null;
                return read;
            }
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    /// <summary>Gives the open file <paramref name="owner"/> and <paramref name="group"/>; the errno message on failure.</summary>
    public static bool ChangeOwner(SafeFileHandle handle, uint owner, uint group, out string? error)
    {
        if (WithDescriptor(handle, descriptor => FChown(descriptor, owner, group)) != 0)
        {
            error = Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError());
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>Calls <paramref name="call"/> with the handle's descriptor, kept open (not released) for the duration of the call.</summary>
    private static int WithDescriptor(SafeFileHandle handle, Func<int, int> call)
    {
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return call((int)handle.DangerousGetHandle());
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    [LibraryImport(Libc, EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport(Libc, EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int directory, string path, int flags, uint mask, ref StatxBuffer buffer);

    [LibraryImport(Libc, EntryPoint = "fchown", SetLastError = true)]
    private static partial int FChown(int descriptor, uint owner, uint group);

    [LibraryImport(Libc, EntryPoint = "preadv", SetLastError = true)]
    private static unsafe partial nint PReadV(int descriptor, IoVector* vectors, int count, long offset);

    /// <summary><c>struct iovec</c>: a base pointer and a length, the same on every 64-bit Linux.</summary>
    private unsafe struct IoVector
    {
        public byte* Base;

        public nuint Length;
    }

    /// <summary>The fields of <c>struct statx</c> that are read, at their offsets in its fixed 256-byte layout.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(16)]
        public uint LinkCount;

        [FieldOffset(20)]
        public uint Uid;

        [FieldOffset(24)]
        public uint Gid;

        [FieldOffset(28)]
        public ushort Mode;

        [FieldOffset(40)]
        public ulong Size;
    }
}
