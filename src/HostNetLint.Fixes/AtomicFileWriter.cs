namespace HostNetLint.Fixes;

/// <summary>
/// Replaces a file's content atomically: the new bytes go to a temporary file in the same directory, which
/// gets the original's Unix mode and is then renamed over the original. A reader (or a killed process)
/// sees the old file or the new one, never half of it. Never writes through a symbolic link (of the file
/// or of a directory on its path) that resolves outside the linted root.
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
            var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
            if (ResolveInsideRoot(fullRoot, Path.GetFullPath(fullPath)) is not { } target)
            {
                return "it is (or is reached through) a symbolic link that points outside the linted root";
            }

            if (expected is not null && !File.ReadAllBytes(target).AsSpan().SequenceEqual(expected))
            {
                return "it changed on disk while it was being fixed";
            }

            var directory = Path.GetDirectoryName(target)!;
            temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.hostnetlint.tmp");
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(target));
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
    /// (or any link on the way) leaves <paramref name="root"/>.
    /// </summary>
    internal static string? ResolveInsideRoot(string root, string fullPath)
    {
        if (!IsUnder(root, fullPath))
        {
            return null;
        }

        // Walk from the root down, resolving each component that is a link.
        var relative = Path.GetRelativePath(root, fullPath);
        var current = root;
        var parts = relative.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            current = Path.Combine(current, parts[i]);
            FileSystemInfo info = i == parts.Length - 1 ? new FileInfo(current) : new DirectoryInfo(current);
            if (info.LinkTarget is null)
            {
                continue;
            }

            var resolved = info.ResolveLinkTarget(returnFinalTarget: true);
            if (resolved is null || !IsUnder(root, Path.GetFullPath(resolved.FullName)))
            {
                return null;
            }

            current = Path.GetFullPath(resolved.FullName);
        }

        return current;
    }

    private static bool IsUnder(string root, string path) =>
        path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

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
