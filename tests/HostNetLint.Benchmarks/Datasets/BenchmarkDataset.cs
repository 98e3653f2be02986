using System.Globalization;
using HostNetLint.Benchmarks.Synthetic;

namespace HostNetLint.Benchmarks.Datasets;

/// <summary>
/// The inputs the benchmarks run on, by name: <c>adr-200</c>, <c>adr-1000</c>, <c>adr-10000</c> (synthetic, written by
/// <see cref="SyntheticRepository"/> with <see cref="SyntheticRepository.DefaultSeed"/>), <c>sample-deployment</c> and <c>corpus</c>.
/// </summary>
public static class BenchmarkDataset
{
    /// <summary>Comma-separated dataset names to run (the program's <c>--datasets</c>); all when unset.</summary>
    public const string SelectionVariable = "HOSTNETLINT_BENCH_DATASETS";

    /// <summary>The folder holding the synthetic repositories the host process wrote for this run.</summary>
    public const string DataVariable = "HOSTNETLINT_BENCH_DATA";

    public const string SyntheticPrefix = "adr-";

    public const string SampleDeployment = "sample-deployment";

    public const string Corpus = "corpus";

    public static IReadOnlyList<string> All { get; } = [$"{SyntheticPrefix}200", $"{SyntheticPrefix}1000", $"{SyntheticPrefix}10000", SampleDeployment, Corpus];

    /// <summary>The selected datasets that exist; the corpus is left out with a message when it is absent.</summary>
    public static IReadOnlyList<string> Selected()
    {
        var selection = Environment.GetEnvironmentVariable(SelectionVariable);
        var names = string.IsNullOrWhiteSpace(selection)
            ? All
            : selection.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = names.Where(n => !All.Contains(n, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown dataset(s) {string.Join(", ", unknown)}; known: {string.Join(", ", All)}");
        }

        if (names.Contains(Corpus, StringComparer.Ordinal) && !Directory.Exists(BenchmarkPaths.CorpusDirectory()))
        {
            Console.Error.WriteLine($"note: {BenchmarkPaths.CorpusDirectory()} not found (set {BenchmarkPaths.CorpusVariable}); the corpus dataset is skipped.");
            return [.. names.Where(n => n != Corpus)];
        }

        return [.. names];
    }

    /// <summary>The project count of a synthetic dataset's name, or null for the others.</summary>
    public static int? SyntheticProjects(string name) =>
        name.StartsWith(SyntheticPrefix, StringComparison.Ordinal) ? int.Parse(name[SyntheticPrefix.Length..], CultureInfo.InvariantCulture) : null;

    /// <summary>The folder to lint for a dataset.</summary>
    public static string RootOf(string name)
    {
        if (SyntheticProjects(name) is not null)
        {
            var data = Environment.GetEnvironmentVariable(DataVariable)
                ?? throw new InvalidOperationException($"{DataVariable} is not set: the synthetic datasets are written by the benchmark program before it runs them.");
            return Path.Combine(data, name);
        }

        return name == Corpus ? BenchmarkPaths.CorpusDirectory() : BenchmarkPaths.SampleDeployment;
    }

    /// <summary>Writes the selected synthetic datasets under <paramref name="dataDirectory"/>.</summary>
    public static void WriteSynthetic(IEnumerable<string> names, string dataDirectory)
    {
        foreach (var name in names)
        {
            if (SyntheticProjects(name) is { } projects)
            {
                SyntheticRepository.Write(Path.Combine(dataDirectory, name), projects, SyntheticRepository.DefaultSeed);
            }
        }
    }
}
