using System.Collections.Immutable;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Parsing.Systemd;

/// <summary>
/// The logical value of an entry as systemd sees it: continuation lines joined, each continuation
/// backslash replaced by a space, comment lines inside the continuation left out, and leading and
/// trailing blanks trimmed. Every value character comes from exactly one source character (a joining
/// space from its backslash), so <see cref="Segments"/> maps any value offset back to the source.
/// </summary>
public sealed class UnitValue
{
    internal UnitValue(string text, ImmutableArray<UnitValueSegment> segments, int emptyPosition)
    {
        Text = text;
        Segments = segments;
        EmptyPosition = emptyPosition;
    }

    public string Text { get; }

    /// <summary>Source runs in value order; empty for an empty value.</summary>
    public ImmutableArray<UnitValueSegment> Segments { get; }

    public int Length => Text.Length;

    public bool IsEmpty => Text.Length == 0;

    /// <summary>Where an empty value sits in the source (just after the <c>=</c> and any blanks).</summary>
    private int EmptyPosition { get; }

    public override string ToString() => Text;

    /// <summary>The source offset of a value offset; <see cref="Length"/> maps to just after the last character.</summary>
    public int ToSourceOffset(int valueOffset)
    {
        if (Segments.IsEmpty)
        {
            return EmptyPosition;
        }

        if (valueOffset >= Text.Length)
        {
            return Segments[^1].SourceEnd;
        }

        var segment = Segments[FindSegment(Math.Max(0, valueOffset))];
        return segment.SourceStart + (Math.Max(0, valueOffset) - segment.ValueStart);
    }

    /// <summary>
    /// The source span of a value span: from its first character's source position to just after its last
    /// character's. Across a continuation it covers the backslash, line break and any skipped comment lines.
    /// </summary>
    public TextSpan ToSourceSpan(TextSpan valueSpan)
    {
        if (valueSpan.IsEmpty)
        {
            var at = ToSourceOffset(valueSpan.Start);
            return new TextSpan(at, 0);
        }

        var start = ToSourceOffset(valueSpan.Start);
        var end = ToSourceOffset(valueSpan.End - 1) + 1;
        return TextSpan.FromBounds(start, end);
    }

    private int FindSegment(int valueOffset)
    {
        // Binary search: long continued values (generated ExecStart= lines) have many segments.
        int low = 0, high = Segments.Length - 1;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (Segments[mid].ValueStart <= valueOffset)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return low;
    }
}
