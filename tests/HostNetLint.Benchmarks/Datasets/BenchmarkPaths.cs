namespace HostNetLint.Benchmarks.Datasets;

/// <summary>Where the repository, its sample deployment and the shared corpus are, seen from the benchmark program.</summary>
public static class BenchmarkPaths
{
    /// <summary>Overrides the corpus location; the same variable the tests read (tests/HostNetLint.Tests/TestSupport/Corpus.cs).</summary>
    public const string CorpusVariable = "HOSTNETLINT_CORPUS";

    /// <summary>The folder holding HostNetLint.sln, above the program (BenchmarkDotNet's build lives below it) or the working directory.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string SampleDeployment => Path.Combine(RepositoryRoot, "tests", "sample-deployment");

    /// <summary>
    /// The shared corpus, located like the tests do: <see cref="CorpusVariable"/> if set, else the nearest
    /// <c>shared/corpus</c> above the repository (a git worktree may sit deeper than the main checkout).
    /// </summary>
    public static string CorpusDirectory()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(CorpusVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        for (var dir = Directory.GetParent(RepositoryRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "corpus"));
    }

    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "HostNetLint.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"HostNetLint.sln not found above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}; run from the repository.");
    }
}
