using BenchmarkDotNet.Attributes;
using HostNetLint.Benchmarks.Datasets;
using HostNetLint.Parsing.Yaml;
using YamlDotNet.Core;

namespace HostNetLint.Benchmarks;

/// <summary>
/// The cost of each layer on the same files, against YamlDotNet's bare event parse (the baseline: the least any
/// YAML linter on YamlDotNet can spend). Issue 13's target: <see cref="FullLint"/> at most 2x <see cref="BareParse"/>.
/// </summary>
[MemoryDiagnoser]
public class LintBenchmarks
{
    private DatasetInput input = null!;

    public static IEnumerable<string> Datasets => BenchmarkDataset.Selected();

    [ParamsSource(nameof(Datasets))]
    public string Dataset { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup() => input = DatasetInput.Load(Dataset);

    /// <summary>YamlDotNet's <c>Parser</c> over a <c>Scanner</c> that skips comments, every event read, nothing kept.</summary>
    [Benchmark(Baseline = true, Description = "bare parse")]
    public int BareParse()
    {
        var events = 0;
        foreach (var file in input.YamlFiles)
        {
            try
            {
                using var reader = new StringReader(file.Text);
                var parser = new Parser(new Scanner(reader, skipComments: true));
                while (parser.MoveNext())
                {
                    events++;
                }
            }
            catch (YamlException)
            {
                // The corpus has malformed files on purpose; the lint reports them, the baseline stops there too.
            }
        }

        return events;
    }

    /// <summary>Our YAML syntax tree (spans, comments, duplicate keys, limits) of the same in-memory files.</summary>
    [Benchmark(Description = "YAML tree")]
    public int YamlTree()
    {
        var documents = 0;
        foreach (var file in input.YamlFiles)
        {
            documents += YamlSyntaxTree.Parse(file).Documents.Length;
        }

        return documents;
    }

    /// <summary>
    /// The floor of any lint that starts from disk, as the model and the full lint do: list the tree, then read the bytes
    /// of every file the lint reads (no decoding, no parsing), on one thread.
    /// </summary>
    [Benchmark(Description = "walk and read")]
    public long WalkAndRead()
    {
        long bytes = Directory.EnumerateFileSystemEntries(input.Root, "*", SearchOption.AllDirectories).LongCount();
        foreach (var path in input.FilePaths)
        {
            bytes += File.ReadAllBytes(path).Length;
        }

        return bytes;
    }

    /// <summary>The deployment model from disk: walk, read, YAML tree, compose projects, units, quadlets (no rules).</summary>
    [Benchmark(Description = "model")]
    public int Model() => LintPipeline.BuildModel(input.Root).Workloads.Length;

    /// <summary>The whole lint on one model of the root (what <c>fix</c> and the language server build): configuration, model, every rule.</summary>
    [Benchmark(Description = "full lint")]
    public int FullLint() => LintPipeline.Lint(input.Root).Diagnostics.Length;

    /// <summary>
    /// What <c>hostnetlint check</c> does without writing the report: the full lint a batch of separate deployment trees
    /// at a time (linked trees joined), each batch's model collected once its findings are released; one model where
    /// the split is given up.
    /// </summary>
    [Benchmark(Description = "check")]
    public int Check() => LintPipeline.Check(input.Root).Length;
}
