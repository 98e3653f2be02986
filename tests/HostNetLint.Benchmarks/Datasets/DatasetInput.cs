using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Benchmarks.Datasets;

/// <summary>
/// A dataset as the benchmarks see it: its root, and the YAML files the lint parses there, already in memory, so the
/// parse cases measure parsing and nothing else. "The same files" are the model's own YAML documents.
/// </summary>
public sealed class DatasetInput
{
    private static readonly ConcurrentDictionary<string, DatasetInput> Loaded = new(StringComparer.Ordinal);

    private DatasetInput(string name, string root, ImmutableArray<SourceText> yamlFiles, ImmutableArray<string> filePaths, int files, int lines, long bytes, int workloads)
    {
        Name = name;
        Root = root;
        YamlFiles = yamlFiles;
        FilePaths = filePaths;
        Files = files;
        Lines = lines;
        Bytes = bytes;
        Workloads = workloads;
        YamlBytes = yamlFiles.Sum(t => (long)Encoding.UTF8.GetByteCount(t.Text));
    }

    public string Name { get; }

    public string Root { get; }

    /// <summary>The decoded text of every file the lint parses as YAML.</summary>
    public ImmutableArray<SourceText> YamlFiles { get; }

    /// <summary>The full path of every file the lint reads.</summary>
    public ImmutableArray<string> FilePaths { get; }

    /// <summary>Every file the lint reads: compose files, .env files, units, quadlets.</summary>
    public int Files { get; }

    public int Lines { get; }

    /// <summary>UTF-8 bytes of every file the lint reads.</summary>
    public long Bytes { get; }

    /// <summary>UTF-8 bytes of <see cref="YamlFiles"/>.</summary>
    public long YamlBytes { get; }

    public int Workloads { get; }

    /// <summary>Builds the model of the dataset once (per process) and keeps its YAML files.</summary>
    public static DatasetInput Load(string name) => Loaded.GetOrAdd(name, static name =>
    {
        var root = BenchmarkDataset.RootOf(name);
        var model = LintPipeline.BuildModel(root);
        return new DatasetInput(
            name,
            root,
            [.. model.Documents.Where(d => d.Yaml is not null).Select(d => d.Text)],
            [.. model.Documents.Select(d => Path.Combine(model.Root, d.Path))],
            model.Documents.Length,
            model.Documents.Sum(d => d.Text.Text.AsSpan().Count('\n')),
            model.Documents.Sum(d => (long)Encoding.UTF8.GetByteCount(d.Text.Text)),
            model.Workloads.Length);
    });
}
