using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Reports;
using Perfolizer.Horology;
using Perfolizer.Metrology;
using BenchmarkDotNet.Running;
using HostNetLint.Benchmarks;
using HostNetLint.Benchmarks.Datasets;
using HostNetLint.Benchmarks.Synthetic;

// Benchmarks of issue 13 (never run by the tests). See README.md, "Benchmarks", and tests/HostNetLint.Benchmarks/*.sh.
//   dotnet run -c Release --project tests/HostNetLint.Benchmarks -- [--datasets adr-200,corpus] [BenchmarkDotNet options, e.g. --job dry]
//   ... -- --write-synthetic DIR [--projects N] [--seed S]   write the ADR-shaped repository the scripts time
//   ... -- --measure DIR                                     lint DIR once in this fresh process; print time and peak memory
//   ... -- --retained DIR                                    what each layer of DIR's model keeps alive (MiB)
//   ... -- --corpus-path                                     print where the shared corpus is (exit 1 when absent)
//   ... -- --lsp-latency PROGRAM [ARGS...]                   time didChange -> publishDiagnostics of `PROGRAM ARGS lsp` on the sample
return args switch
{
    ["--lsp-latency", .. var command] when command.Length > 0 => LanguageServerLatency.Run(command, changes: 40),
    ["--write-synthetic", var target, .. var rest] => WriteSynthetic(target, rest),
    ["--measure", var root] => Measure(root),
    ["--retained", var root] => RetainedMemory.Run(root),
    ["--corpus-path"] => PrintCorpusPath(),
    _ => RunBenchmarks(args),
};

static int WriteSynthetic(string target, string[] options)
{
    var projects = 200;
    var seed = SyntheticRepository.DefaultSeed;
    for (var i = 0; i + 1 < options.Length; i += 2)
    {
        switch (options[i])
        {
            case "--projects":
                projects = int.Parse(options[i + 1], CultureInfo.InvariantCulture);
                break;
            case "--seed":
                seed = ulong.Parse(options[i + 1], CultureInfo.InvariantCulture);
                break;
            default:
                Console.Error.WriteLine($"unknown option {options[i]}; expected --projects N or --seed S");
                return 2;
        }
    }

    if (options.Length % 2 != 0)
    {
        Console.Error.WriteLine($"option {options[^1]} needs a value");
        return 2;
    }

    var summary = SyntheticRepository.Write(target, projects, seed);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"projects={summary.Projects} files={summary.Files} lines={summary.Lines} bytes={summary.Bytes} seed={seed}"));
    return 0;
}

// One lint in a fresh process, for the scaling harness: the time excludes start-up, the peak covers the whole process.
static int Measure(string root)
{
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var watch = Stopwatch.StartNew();
    var (model, diagnostics) = LintPipeline.Lint(Path.GetFullPath(root));
    var seconds = watch.Elapsed.TotalSeconds;
    var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
    using var process = Process.GetCurrentProcess();
    var peak = process.PeakWorkingSet64;
    var collections = string.Create(CultureInfo.InvariantCulture, $"{GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");

    // What the finished lint still holds (model, findings): the rest of the peak is garbage and the runtime.
    var live = GC.GetTotalMemory(forceFullCollection: true);
    GC.KeepAlive(model);
    GC.KeepAlive(diagnostics);
    var lines = model.Documents.Sum(d => d.Text.Text.AsSpan().Count('\n'));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seconds={seconds:F3} peak_mib={peak / 1048576.0:F1} live_mib={live / 1048576.0:F1} allocated_mib={allocated / 1048576.0:F1} gcs={collections} files={model.Documents.Length} lines={lines} workloads={model.Workloads.Length} findings={diagnostics.Length}"));
    return 0;
}

static int PrintCorpusPath()
{
    var corpus = BenchmarkPaths.CorpusDirectory();
    if (!Directory.Exists(corpus))
    {
        Console.Error.WriteLine($"note: {corpus} not found (set {BenchmarkPaths.CorpusVariable})");
        return 1;
    }

    Console.WriteLine(corpus);
    return 0;
}

static int RunBenchmarks(string[] args)
{
    var arguments = args.ToList();
    var at = arguments.IndexOf("--datasets");
    if (at >= 0 && at + 1 < arguments.Count)
    {
        // Children inherit the environment, so out-of-process runs see the same selection and data.
        Environment.SetEnvironmentVariable(BenchmarkDataset.SelectionVariable, arguments[at + 1]);
        arguments.RemoveRange(at, 2);
    }

    if (!arguments.Contains("--filter") && !arguments.Contains("-f"))
    {
        arguments.AddRange(["--filter", "*"]);
    }

    var data = Path.Combine(Path.GetTempPath(), "hostnetlint-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
    Environment.SetEnvironmentVariable(BenchmarkDataset.DataVariable, data);
    try
    {
        var selected = BenchmarkDataset.Selected();
        BenchmarkDataset.WriteSynthetic(selected, data);
        PrintDatasets(selected);

        var config = DefaultConfig.Instance
            .AddColumn(new ThroughputColumn())
            .WithOrderer(new DefaultOrderer(SummaryOrderPolicy.Declared, MethodOrderPolicy.Declared))
            .WithSummaryStyle(SummaryStyle.Default.WithSizeUnit(SizeUnit.MB).WithTimeUnit(TimeUnit.Millisecond))
            .WithArtifactsPath(Path.Combine(BenchmarkPaths.RepositoryRoot, "artifacts", "benchmarks"));
        var summaries = BenchmarkSwitcher.FromTypes([typeof(LintBenchmarks)]).Run([.. arguments], config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
    finally
    {
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }
}

static void PrintDatasets(IEnumerable<string> names)
{
    Console.WriteLine("| dataset | files read | YAML files | lines | MB read | YAML MB | workloads |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
    foreach (var input in names.Select(DatasetInput.Load))
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {input.Name} | {input.Files:N0} | {input.YamlFiles.Length:N0} | {input.Lines:N0} | {input.Bytes / 1e6:N2} | {input.YamlBytes / 1e6:N2} | {input.Workloads:N0} |"));
    }

    Console.WriteLine();
}
