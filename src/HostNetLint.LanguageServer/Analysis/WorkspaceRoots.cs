using System.Collections.Immutable;
using System.Text;
using HostNetLint.Hosting;
using HostNetLint.LanguageServer.Workspace;

namespace HostNetLint.LanguageServer.Analysis;

/// <summary>
/// Where each open document is linted from, and what the model reads there. A document inside a project (the nearest
/// directory with <c>hostnetlint.yaml</c> or <c>.git</c>, as the CLI finds it) is linted with the whole project, so its
/// findings are those <c>hostnetlint check</c> reports at the project's root. Outside any project the open documents
/// are named on their own (as <c>hostnetlint check FILE</c> would), under the workspace folder that holds them: a
/// stray file never makes the server walk a home directory.
/// </summary>
internal sealed class WorkspaceRoots
{
    private ImmutableArray<string> folders = [];

    /// <summary>The workspace folders (full paths) from <c>initialize</c>.</summary>
    public void SetFolders(IEnumerable<string> fullPaths) => folders = [.. fullPaths];

    /// <summary>One snapshot per root of the linted open documents.</summary>
    public IReadOnlyList<LintSnapshot> Snapshots(ImmutableDictionary<string, OpenDocument> open)
    {
        // Every buffer stands for its file, whichever root reads it (a unit in one project may name a compose file of another).
        var overlay = open.Values.ToImmutableDictionary(d => d.FullPath, d => Encoding.UTF8.GetBytes(d.Text), StringComparer.Ordinal);
        var snapshots = new List<LintSnapshot>();
        foreach (var group in open.Values.Where(d => d.Kind.IsLinted()).GroupBy(d => RootOf(d.FullPath)).OrderBy(g => g.Key.Root, StringComparer.Ordinal))
        {
            var (root, isProject) = group.Key;
            var documents = group.OrderBy(d => d.FullPath, StringComparer.Ordinal).ToImmutableArray();

            // The directory walk finds compose files and units on disk; naming the open ones also reads YAML with
            // services: under any name and buffers not saved yet.
            var named = documents.Where(d => d.Kind is DocumentKind.Compose or DocumentKind.Unit).Select(d => d.FullPath);
            ImmutableArray<string> paths = isProject ? [root, .. named] : [.. named];
            snapshots.Add(new LintSnapshot(root, documents, paths, open, overlay));
        }

        return snapshots;
    }

    /// <summary>True when <paramref name="fullPath"/> is <paramref name="directory"/> or lies under it.</summary>
    public static bool IsUnder(string fullPath, string directory) =>
        fullPath.Length >= directory.Length
        && fullPath.StartsWith(directory, StringComparison.Ordinal)
        && (fullPath.Length == directory.Length || fullPath[directory.Length] == Path.DirectorySeparatorChar || directory.EndsWith(Path.DirectorySeparatorChar));

    private (string Root, bool IsProject) RootOf(string fullPath)
    {
        var directory = Path.GetDirectoryName(fullPath) ?? fullPath;
        if (LintRoot.FindProjectRoot(directory) is { } project)
        {
            return (project, true);
        }

        var folder = folders.Where(f => IsUnder(fullPath, f)).MaxBy(f => f.Length);
        return (folder ?? directory, false);
    }
}
