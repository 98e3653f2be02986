using HostNetLint.Cli;

namespace HostNetLint.Tests.TestSupport;

/// <summary>
/// Builds what an attacker would put in a repository (FIFOs, links to devices, link chains and loops) and runs
/// HostNetLint on it under a hang guard: a read that blocks fails the test instead of stopping the run.
/// </summary>
public static class HostileFileSystem
{
    /// <summary>Generous: the real figure is milliseconds; only a blocked read gets near it.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    public static void RequireUnix()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("FIFOs, devices and the non-blocking open are tested on Linux.");
        }
    }

    /// <summary>Creates a FIFO (named pipe) at <paramref name="path"/>; opening it for reading blocks until a writer comes.</summary>
    public static string MakeFifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var result = ChildProcess.Run("mkfifo", Path.GetDirectoryName(path)!, [path]);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        return path;
    }

    public static string Link(string path, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, target);
        return path;
    }

    /// <summary>Gives <paramref name="existing"/> a second name (a hard link: one inode, two directory entries).</summary>
    public static string HardLink(string path, string existing)
    {
        var result = ChildProcess.Run("ln", Path.GetDirectoryName(path)!, [existing, path]);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        return path;
    }

    /// <summary>Runs <paramref name="action"/> on a background thread and fails the test when it has not finished within <see cref="HangGuard"/>.</summary>
    public static T WithinHangGuard<T>(Func<T> action)
    {
        var task = Task.Factory.StartNew(action, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (!task.Wait(HangGuard))
        {
            Assert.Fail($"did not finish within {HangGuard} (a blocking read?)");
        }

        return task.Result;
    }

    /// <summary>Runs the CLI in-process under the hang guard.</summary>
    public static (int Exit, string Output, string Error) Cli(string directory, params string[] args) =>
        WithinHangGuard(() =>
        {
            using var output = new StringWriter { NewLine = "\n" };
            using var error = new StringWriter { NewLine = "\n" };
            var exit = CliApplication.Run(args, output, error, directory);
            return (exit, output.ToString(), error.ToString());
        });

    /// <summary>
    /// Every entry under <paramref name="directory"/> (not following links): a link as its target, a file as its bytes,
    /// a directory as itself, with owner-visible metadata that a write would change (mode, length, last write time).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Snapshot(string directory)
    {
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var pending = new Stack<string>([directory]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var entry in new DirectoryInfo(current).EnumerateFileSystemInfos())
            {
                var relative = Path.GetRelativePath(directory, entry.FullName);
                if (entry.LinkTarget is { } target)
                {
                    entries[relative] = "link -> " + target;
                }
                else if (entry is DirectoryInfo)
                {
                    entries[relative] = "directory";
                    pending.Push(entry.FullName);
                }
                else if (entry is FileInfo file)
                {
                    entries[relative] = $"{Convert.ToBase64String(File.ReadAllBytes(file.FullName))} {file.UnixFileMode} {file.LastWriteTimeUtc.Ticks}";
                }
            }
        }

        return entries;
    }
}
