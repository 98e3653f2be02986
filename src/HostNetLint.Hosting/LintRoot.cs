using HostNetLint.Hosting.Configuration;

namespace HostNetLint.Hosting;

/// <summary>Where a lint of some files is rooted, so every host (the CLI, a language server) lints the same tree.</summary>
public static class LintRoot
{
    /// <summary>
    /// The nearest directory at or above <paramref name="directory"/> that holds <c>hostnetlint.yaml</c> or <c>.git</c>;
    /// null when there is none. pre-commit passes single changed files (a unit without its compose file) and an editor
    /// opens one; the root still has to contain what they reference, or a unit looks unresolvable.
    /// </summary>
    public static string? FindProjectRoot(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        for (var current = directory; current is not null; current = Path.GetDirectoryName(current))
        {
            if (File.Exists(Path.Combine(current, HostNetLintConfigLoader.FileName)) || Path.Exists(Path.Combine(current, ".git")))
            {
                return current;
            }
        }

        return null;
    }
}
