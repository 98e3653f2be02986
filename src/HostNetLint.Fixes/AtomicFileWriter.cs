using System.Globalization;
using HostNetLint.Parsing.IO;

namespace HostNetLint.Fixes;

/// <summary>
/// Replaces a file's content atomically: the new bytes go to a temporary file in the same (real) directory, which
/// gets the original's owner, group and mode and is then renamed over the original. A reader (or a killed process)
/// sees the old file or the new one, never half of it. The target's real path (every symbolic link on it resolved,
/// directories on the way included) must lie under the real linted root; nothing is created or written elsewhere.
/// A file with more than one hard link is refused: a rename would split it from its other names, and writing in
/// place would give up atomicity.
/// </summary>
public static class AtomicFileWriter
{
    /// <summary>Writes <paramref name="bytes"/> to <paramref name="fullPath"/>; returns null on success, else why nothing was written.</summary>
    /// <param name="expected">The bytes the file must still hold (it was read and fixed from them); null to skip the check.</param>
    public static string? Write(string root, string fullPath, byte[] bytes, byte[]? expected = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(fullPath);
        ArgumentNullException.ThrowIfNull(bytes);
        string? temporary = null;
        try
        {
            if (ResolveInsideRoot(Path.GetFullPath(root), Path.GetFullPath(fullPath)) is not { } target)
            {
                return "it is (or is reached through) a symbolic link that points outside the linted root";
            }

            // Read back only as much as the expected content: a longer file has changed, and without an expectation only its status counts.
            var current = BoundedFileReader.Read(target, expected?.Length ?? 0);
            if (current.Status is not { } status || current.Outcome is FileReadOutcome.Failed or FileReadOutcome.NotRegular)
            {
                return $"it could not be read back ({current.Reason})";
            }

            if (status.LinkCount > 1)
            {
                return string.Create(CultureInfo.InvariantCulture, $"it has {status.LinkCount} hard links; replacing it would split it from the others and writing in place would not be atomic, so it was left as it is");
            }

            if (expected is not null && (!current.IsRead || !current.Bytes.AsSpan().SequenceEqual(expected)))
            {
                return "it changed on disk while it was being fixed";
            }

            var directory = Path.GetDirectoryName(target)!;
            temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.hostnetlint.tmp");
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
                if (KeepOwnerAndMode(stream, status) is { } failure)
                {
                    return failure;
                }
            }

            File.Move(temporary, target, overwrite: true);
            temporary = null;
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"it could not be written ({ex.Message.TrimEnd('.')})";
        }
        finally
        {
            if (temporary is not null)
            {
                TryDelete(temporary);
            }
        }
    }

    /// <summary>
    /// The real path of <paramref name="fullPath"/> with every symbolic link on it resolved, or null when that
    /// leaves the real <paramref name="root"/> (or the links loop).
    /// </summary>
    internal static string? ResolveInsideRoot(string root, string fullPath)
    {
        var realRoot = RealPath.Resolve(Path.TrimEndingDirectorySeparator(root));
        if (!RealPath.IsUnder(root, fullPath) || realRoot is null || RealPath.Resolve(fullPath) is not { } real)
        {
            return null;
        }

        return RealPath.IsUnder(realRoot, real) && !string.Equals(Path.TrimEndingDirectorySeparator(real), Path.TrimEndingDirectorySeparator(realRoot), StringComparison.Ordinal)
            ? real
            : null;
    }

    /// <summary>Gives the new file the original's owner and group (before the mode: a change of owner clears set-id bits), then its mode.</summary>
    private static string? KeepOwnerAndMode(FileStream stream, FileStatus original)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        if (OperatingSystem.IsLinux() && original.Owner is { } owner && original.Group is { } group
            && LinuxFile.GetStatus(stream.SafeFileHandle, out _) is { } created && (created.Owner != owner || created.Group != group)
            && !LinuxFile.ChangeOwner(stream.SafeFileHandle, owner, group, out var error))
        {
            return string.Create(CultureInfo.InvariantCulture, $"its owner and group ({owner}:{group}) could not be kept ({error}), so it was left as it is");
        }

        File.SetUnixFileMode(stream.SafeFileHandle, original.Mode);
        return null;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a stray temporary file is harmless, and the original is intact.
        }
    }
}
