namespace HostNetLint.Parsing.IO;

/// <summary>How a bounded read ended.</summary>
public enum FileReadOutcome
{
    /// <summary>The whole file was read.</summary>
    Read,

    /// <summary>The path names something other than a regular file (a FIFO, a device, a directory, a socket); nothing was read.</summary>
    NotRegular,

    /// <summary>The file is (or turned out to be while reading) larger than the limit; at most limit + 1 bytes were read.</summary>
    TooLarge,

    /// <summary>The file could not be opened or read (missing, permission denied, a link loop, an I/O error).</summary>
    Failed,
}

/// <summary>The outcome of <see cref="BoundedFileReader.Read"/>: the bytes when read, else why not.</summary>
public sealed record FileReadResult(FileReadOutcome Outcome, byte[] Bytes, FileStatus? Status, string? Reason)
{
    public bool IsRead => Outcome == FileReadOutcome.Read;

    internal static FileReadResult Failure(FileReadOutcome outcome, FileStatus? status, string reason) => new(outcome, [], status, reason);
}
