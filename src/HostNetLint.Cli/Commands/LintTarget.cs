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

        // The linted root: the project around the paths (hostnetlint.yaml or .git), else their common directory.
        var common = DisplayPath.CommonDirectory(all);
        return new LintTarget(Hosting.LintRoot.FindProjectRoot(common) ?? common, all);
    }
}
