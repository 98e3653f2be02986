namespace HostNetLint.Parsing.IO;

/// <summary>What a directory entry is, as <c>stat</c>'s file type tells it.</summary>
public enum FileKind
{
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    Unknown,
}

/// <summary>
/// What <c>fstat</c> says about an open file: its kind, size, permission bits, owner, group and hard-link count.
/// <see cref="Owner"/> and <see cref="Group"/> are null where the system does not tell them (not Linux).
/// </summary>
public sealed record FileStatus(FileKind Kind, long Size, UnixFileMode Mode, uint? Owner, uint? Group, long LinkCount)
{
    /// <summary>How a message names the kind: "a FIFO (named pipe)", "a character device", …</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a directory",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        _ => "not a regular file",
    };
}
