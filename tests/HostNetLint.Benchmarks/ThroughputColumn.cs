using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using HostNetLint.Benchmarks.Datasets;

namespace HostNetLint.Benchmarks;

/// <summary>
/// MB/s of input: the parse cases over the bytes of the YAML files, walk and read, the model and the lint over every file they read
/// (units, quadlets and .env files too). 1 MB = 10^6 bytes.
/// </summary>
internal sealed class ThroughputColumn : IColumn
{
    private static readonly HashSet<string> ParseCases = new([nameof(LintBenchmarks.BareParse), nameof(LintBenchmarks.YamlTree)], StringComparer.Ordinal);

    public string Id => nameof(ThroughputColumn);

    public string ColumnName => "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Input read per second: YAML bytes for the parse cases, every file's bytes for walk and read, model and full lint (1 MB = 10^6 bytes)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        if (summary[benchmarkCase]?.ResultStatistics is not { Mean: > 0 } statistics
            || benchmarkCase.Parameters[nameof(LintBenchmarks.Dataset)] is not string dataset)
        {
            return "-";
        }

        var input = DatasetInput.Load(dataset);
        var bytes = ParseCases.Contains(benchmarkCase.Descriptor.WorkloadMethod.Name) ? input.YamlBytes : input.Bytes;
        var seconds = statistics.Mean / 1e9;
        return (bytes / 1e6 / seconds).ToString("N1", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
