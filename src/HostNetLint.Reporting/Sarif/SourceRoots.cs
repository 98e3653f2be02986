namespace HostNetLint.Reporting.Sarif;

/// <summary>Finds the repository root that SARIF URIs must be relative to.</summary>
public static class SourceRoots
{
    /// <summary>
    /// The nearest directory at or above <paramref name="directory"/> that holds <c>.git</c> (a folder, or
    /// a file in a worktree or submodule); <paramref name="directory"/> itself when there is none.
    /// Code scanning resolves relative URIs against the checkout, so the root, not the linted folder, is the base.
    /// </summary>
    public static string Find(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var start = Path.GetFullPath(directory);
        for (var current = new DirectoryInfo(start); current is not null; current = current.Parent)
        {
            var git = Path.Combine(current.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return current.FullName;
            }
        }

        return start;
    }
}
