namespace HostNetLint.Tests.TestSupport;

/// <summary>
/// Locates the shared public corpus (real files nobody on the team wrote). It lives outside the
/// repository at <c>../shared/corpus</c> and must never be copied in; tests that need it call
/// <see cref="RequireDirectory"/>, which ignores the test with the reason when it is absent.
/// </summary>
public static class Corpus
{
    /// <summary>Overrides the location, e.g. for a checkout that does not sit beside shared/.</summary>
    public const string EnvironmentVariable = "HOSTNETLINT_CORPUS";

    /// <summary>Where the corpus should be: the environment variable if set, else ../shared/corpus from the repository root.</summary>
    public static string ExpectedDirectory()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        // ../shared/corpus from the repository root; from a git worktree nested deeper, the nearest ancestor's shared/corpus.
        for (var dir = Directory.GetParent(Repository.Root); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.GetFullPath(Path.Combine(Repository.Root, "..", "shared", "corpus"));
    }

    /// <summary>The corpus folder; ignores the calling test when it does not exist.</summary>
    public static string RequireDirectory()
    {
        var directory = ExpectedDirectory();
        if (!Directory.Exists(directory))
        {
            Assert.Ignore($"../shared/corpus not found: looked for {directory} (set {EnvironmentVariable} to use another location)");
        }

        return directory;
    }

    /// <summary>Every readable file under the corpus whose name ends with one of <paramref name="extensions"/> (e.g. ".yml"), sorted.</summary>
    public static IReadOnlyList<string> Files(params string[] extensions)
    {
        var directory = RequireDirectory();
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,

            // Dot folders such as .github hold YAML too.
            AttributesToSkip = FileAttributes.None,
        };
        return [.. Directory.EnumerateFiles(directory, "*", options)
            .Where(path => extensions.Any(ext => path.EndsWith(ext, StringComparison.OrdinalIgnoreCase)))
            .Where(IsReadable)
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The path relative to the corpus folder, for messages.</summary>
    public static string RelativePath(string path) => Path.GetRelativePath(ExpectedDirectory(), path);

    // A dangling symlink is the corpus's own edge case for the file walker, not for parsers.
    private static bool IsReadable(string path) =>
        File.ResolveLinkTarget(path, returnFinalTarget: true) is not { } target || target.Exists;
}
