namespace HostNetLint.Parsing.Text;

/// <summary>
/// Replaces <see cref="Span"/> of the original text with <see cref="NewText"/> (an empty span inserts,
/// empty new text deletes). Fixes are sets of these, so nothing outside the spans ever changes.
/// </summary>
public readonly record struct TextEdit(TextSpan Span, string NewText)
{
    public static TextEdit Insert(int position, string text) => new(new TextSpan(position, 0), text);

    public static TextEdit Delete(TextSpan span) => new(span, string.Empty);

    /// <summary>
    /// Applies non-overlapping edits to <paramref name="text"/>. Edits are applied in span order; two
    /// insertions at the same position keep their given order. Returns null when edits overlap or fall
    /// outside the text, so a caller never writes a half-applied fix.
    /// </summary>
    public static string? Apply(string text, IEnumerable<TextEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(edits);
        var ordered = edits.Select((e, i) => (Edit: e, Index: i)).OrderBy(p => p.Edit.Span.Start).ThenBy(p => p.Edit.Span.End).ThenBy(p => p.Index).Select(p => p.Edit).ToList();
        var builder = new System.Text.StringBuilder(text.Length);
        var position = 0;
        foreach (var edit in ordered)
        {
            if (edit.Span.Start < position || edit.Span.End > text.Length || edit.Span.Length < 0)
            {
                return null;
            }

            builder.Append(text, position, edit.Span.Start - position).Append(edit.NewText);
            position = edit.Span.End;
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }
}
