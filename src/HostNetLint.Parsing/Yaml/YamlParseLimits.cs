namespace HostNetLint.Parsing.Yaml;

/// <summary>
/// Bounds enforced before anything can recurse or grow without limit. A deployment file is a few
/// hundred lines; these are far above any real one and far below what would hurt the process.
/// </summary>
public sealed record YamlParseLimits
{
    public static YamlParseLimits Default { get; } = new();

    /// <summary>Largest file accepted, in UTF-16 code units.</summary>
    public int MaxLength { get; init; } = 8 * 1024 * 1024;

    /// <summary>Deepest nesting of collections, counting through aliases.</summary>
    public int MaxDepth { get; init; } = 200;

    /// <summary>Most nodes in the file as written.</summary>
    public int MaxNodes { get; init; } = 1_000_000;

    /// <summary>Most nodes any node may expand to when its aliases are followed (the billion-laughs guard).</summary>
    public long MaxExpandedNodes { get; init; } = 1_000_000;
}
