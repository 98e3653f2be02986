using HostNetLint.Parsing.Text;

namespace HostNetLint.Fuzz.Invariants;

/// <summary>
/// The edits one fix pass applied to one file, in span order, with the questions the invariants ask of them: did
/// an edit touch this span of the old text, did it write this span of the new text, where did an old offset go.
/// Lookups are binary searches, so checking every leaf of a large file stays linear-logarithmic.
/// </summary>
public sealed class AppliedEdits
{
    private readonly TextEdit[] edits;

    // The span each edit replaces in the old text, and the span its new text occupies in the new text, by edit.
    private readonly TextSpan[] replaced;
    private readonly TextSpan[] written;

    public AppliedEdits(IEnumerable<TextEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(edits);
        this.edits = [.. edits.OrderBy(e => e.Span.Start).ThenBy(e => e.Span.End)];
        replaced = [.. this.edits.Select(e => e.Span)];
        written = new TextSpan[this.edits.Length];
        var delta = 0;
        for (var i = 0; i < this.edits.Length; i++)
        {
            written[i] = new TextSpan(this.edits[i].Span.Start + delta, this.edits[i].NewText.Length);
            delta += this.edits[i].NewText.Length - this.edits[i].Span.Length;
        }
    }

    public IReadOnlyList<TextEdit> Edits => edits;

    /// <summary>
    /// True when an edit changes the text of <paramref name="span"/> (old text): it replaces or deletes part of it,
    /// inserts strictly inside it, or inserts at its end without starting a new line (appending to the value).
    /// An insertion that starts a new line right after a value does not touch that value, so a value it
    /// changes anyway (a block scalar at the end of the file) is caught.
    /// </summary>
    public bool Touches(TextSpan span)
    {
        for (var i = FirstEndingAtOrAfter(replaced, span.Start); i < replaced.Length && replaced[i].Start <= span.End; i++)
        {
            var edit = replaced[i];
            var touches = edit.IsEmpty
                ? (span.Start < edit.Start && edit.Start < span.End) || (edit.Start == span.End && !span.IsEmpty && !StartsWithLineBreak(edits[i].NewText))
                : edit.OverlapsWith(span) || (span.IsEmpty && edit.Start <= span.Start && span.Start < edit.End);
            if (touches)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="span"/> of the new text overlaps text an edit wrote.</summary>
    public bool Wrote(TextSpan span)
    {
        for (var i = FirstEndingAtOrAfter(written, span.Start); i < written.Length && written[i].Start <= span.End; i++)
        {
            var region = written[i];
            if (!region.IsEmpty && (region.OverlapsWith(span) || (span.IsEmpty && region.Start <= span.Start && span.Start <= region.End)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where the character at <paramref name="offset"/> of the old text is in the new text; null when an edit replaced it.</summary>
    public int? Map(int offset)
    {
        var delta = 0;
        foreach (var edit in edits)
        {
            if (edit.Span.IsEmpty ? edit.Span.Start > offset : edit.Span.End > offset)
            {
                if (!edit.Span.IsEmpty && edit.Span.Start <= offset)
                {
                    return null;
                }

                break;
            }

            delta += edit.NewText.Length - edit.Span.Length;
        }

        return offset + delta;
    }

    private static bool StartsWithLineBreak(string text) => text.StartsWith('\n') || text.StartsWith('\r');

    /// <summary>The first span ending at or after <paramref name="position"/>; edits are disjoint, so ends are sorted too.</summary>
    private static int FirstEndingAtOrAfter(TextSpan[] sorted, int position)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (sorted[mid].End < position)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
