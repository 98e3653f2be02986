namespace HostNetLint.Benchmarks.Synthetic;

/// <summary>What <see cref="SyntheticRepository.Write"/> wrote.</summary>
public sealed record SyntheticSummary(int Projects, int Files, int Lines, long Bytes)
{
    public SyntheticSummary Add(SyntheticSummary other) =>
        new(Projects + other.Projects, Files + other.Files, Lines + other.Lines, Bytes + other.Bytes);
}
