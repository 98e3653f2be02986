namespace HostNetLint.Parsing.Systemd;

/// <summary>
/// A run of a logical value that maps one-to-one onto source text: value offset
/// <see cref="ValueStart"/> + i is source offset <see cref="SourceStart"/> + i for i &lt; <see cref="Length"/>.
/// </summary>
public readonly record struct UnitValueSegment(int ValueStart, int SourceStart, int Length)
{
    public int ValueEnd => ValueStart + Length;

    public int SourceEnd => SourceStart + Length;
}
