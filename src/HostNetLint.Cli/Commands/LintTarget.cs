using System.Collections.Immutable;
using HostNetLint.Cli.Output;
using HostNetLint.Reporting;

namespace HostNetLint.Cli.Commands;

/// <summary>The paths of a <c>check</c> or <c>fix</c> as full paths, and the root they share (where display paths start).</summary>
internal sealed record LintTarget(string Root, ImmutableArray<string> FullPaths)
{
    /// <summary>Resolves command-line paths against the current directory; reports a bad or missing path on stderr and returns null.</summary>
    public static LintTarget? Resolve(ImmutableArray<string> paths, CliContext context)
    {
        var requested = paths.IsDefaultOrEmpty ? ["."] : paths;
        var fullPaths = ImmutableArray.CreateBuilder<string>(requested.Length);
        foreach (var path in requested)
        {
            string full;
            try
            {
                full = Path.GetFullPath(path, context.CurrentDirectory);
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
            {
                context.Error.WriteLine($"hostnetlint: error: '{TerminalText.Escape(path)}' is not a valid path: {TerminalText.Escape(ex.Message)}");
                return null;
            }

            if (!File.Exists(full) && !Directory.Exists(full))
            {
                context.Error.WriteLine($"hostnetlint: error: path '{TerminalText.Escape(path)}' does not exist");
                return null;
            }

            fullPaths.Add(full);
        }

        var all = fullPaths.ToImmutable();
        return new LintTarget(ProjectRoot(DisplayPath.CommonDirectory(all)), all);
    }

    /// <summary>
    /// The linted root: the nearest directory at or above the paths that holds <c>hostnetlint.yaml</c> or
    /// <c>.git</c>, else the paths' common directory. pre-commit passes single changed files (a unit without
    /// its compose file); the root still has to contain what they reference, or a unit looks unresolvable.
    /// </summary>
    private static string ProjectRoot(string commonDirectory)
    {
        for (var directory = commonDirectory; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "hostnetlint.yaml")) || Path.Exists(Path.Combine(directory, ".git")))
            {
                return directory;
            }
        }

        return commonDirectory;
    }
}
