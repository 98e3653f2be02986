namespace HostNetLint.Model.Units;

/// <summary>Look-ups in the options of a parsed command (long names, in the order written).</summary>
internal static class CommandOptions
{
    /// <summary>The value of the last <paramref name="flag"/> (the one the tools use), or null.</summary>
    public static UnitWord? Last(this IReadOnlyList<(string Flag, UnitWord Value)> options, string flag) =>
        options.LastOrDefault(option => option.Flag == flag).Value;

    /// <summary>Every value of <paramref name="flag"/>, in order.</summary>
    public static IEnumerable<UnitWord> All(this IReadOnlyList<(string Flag, UnitWord Value)> options, string flag) =>
        options.Where(option => option.Flag == flag).Select(option => option.Value);
}
