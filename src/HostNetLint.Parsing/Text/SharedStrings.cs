namespace HostNetLint.Parsing.Text;

/// <summary>
/// One instance for each short string that repeats across files (compose keys such as <c>image</c> and
/// <c>environment</c>, values such as <c>host</c>, unit keys such as <c>ExecStart</c>), so a large root keeps one copy
/// of each instead of one per occurrence. A fixed-size table per thread in which a newer string takes an older one's
/// slot: memory stays bounded and nothing is locked; a miss only means the string is kept as it came.
/// </summary>
public static class SharedStrings
{
    // Keys and enumerated values are short; longer text (commands, URLs, comments) rarely repeats.
    private const int MaxLength = 40;
    private const int SlotCount = 4096;

    [ThreadStatic]
    private static string?[]? slots;

    /// <summary>The shared instance equal to <paramref name="value"/>, which becomes the shared one when there is none.</summary>
    public static string Share(string value)
    {
        if (value.Length is 0 or > MaxLength)
        {
            return value.Length == 0 ? string.Empty : value;
        }

        ref var slot = ref SlotOf(value);
        if (slot is { } shared && string.Equals(shared, value, StringComparison.Ordinal))
        {
            return shared;
        }

        slot = value;
        return value;
    }

    /// <summary>The shared instance equal to <paramref name="value"/>, allocated only when there is none.</summary>
    public static string Share(ReadOnlySpan<char> value)
    {
        if (value.Length is 0 or > MaxLength)
        {
            return value.Length == 0 ? string.Empty : value.ToString();
        }

        ref var slot = ref SlotOf(value);
        if (slot is { } shared && value.SequenceEqual(shared))
        {
            return shared;
        }

        var created = value.ToString();
        slot = created;
        return created;
    }

    // FNV-1a rather than the process-randomised string hash: which strings share a slot is the same in every run. Strings
    // made to collide only lose their sharing; the table stays constant time.
    private static ref string? SlotOf(ReadOnlySpan<char> value)
    {
        var hash = 2166136261u;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 16777619u;
        }

        var table = slots ??= new string?[SlotCount];
        return ref table[(hash ^ (hash >> 16)) & (SlotCount - 1)];
    }
}
