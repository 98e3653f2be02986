namespace HostNetLint.Parsing.Systemd;

/// <summary>
/// Bounds on unit-file input. Real units are a few kilobytes; the limits only keep hostile or
/// generated input from costing time and memory.
/// </summary>
public sealed record UnitFileParseLimits
{
    public static UnitFileParseLimits Default { get; } = new();

    /// <summary>Largest file accepted, in UTF-16 code units; a larger file is reported and not parsed.</summary>
    public int MaxLength { get; init; } = 4 * 1024 * 1024;

    /// <summary>
    /// Longest logical line (continuations joined), in UTF-16 code units. systemd refuses a file with a
    /// line over 1 MiB (LONG_LINE_MAX), so a longer line is reported and skipped.
    /// </summary>
    public int MaxLogicalLineLength { get; init; } = 1024 * 1024;
}
