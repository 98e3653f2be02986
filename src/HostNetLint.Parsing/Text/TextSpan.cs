namespace HostNetLint.Parsing.Text;

/// <summary>A half-open range [Start, End) of UTF-16 code units in a <see cref="SourceText"/>.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public bool IsEmpty => Length == 0;

    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    public bool Contains(int position) => position >= Start && position < End;

    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    public bool OverlapsWith(TextSpan other) => Math.Max(Start, other.Start) < Math.Min(End, other.End);

    public override string ToString() => $"[{Start}..{End})";
}

/// <summary>A zero-based line and UTF-16 column.</summary>
public readonly record struct LinePosition(int Line, int Character);

/// <summary>Start and end of a span as lines and columns (zero-based, end exclusive).</summary>
public readonly record struct LinePositionSpan(LinePosition Start, LinePosition End);
