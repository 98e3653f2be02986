namespace HostNetLint.Benchmarks.Synthetic;

/// <summary>
/// SplitMix64 (Steele, Lea, Flood 2014): a seeded generator whose sequence is fixed by its definition, so a
/// repository written today is byte for byte the one written by any later runtime (System.Random promises no such thing).
/// </summary>
internal sealed class SplitMix64
{
    private ulong state;

    public SplitMix64(ulong seed) => state = seed;

    public ulong Next()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, <paramref name="bound"/>); the modulo bias is negligible for the small bounds used here.</summary>
    public int Below(int bound) => (int)(Next() % (ulong)bound);

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    public bool Chance(double probability) => (Next() >> 11) * (1.0 / (1UL << 53)) < probability;
}
