using HostNetLint.LanguageServer.Protocol;
using HostNetLint.Parsing.Text;

namespace HostNetLint.LanguageServer.Workspace;

/// <summary>
/// LSP positions and our offsets. Both count UTF-16 code units and end lines at CR LF, LF or a lone CR, so a span's
/// line map (<see cref="SourceText.GetLinePositionSpan"/>) is already an LSP range.
/// </summary>
internal static class TextPositions
{
    public static Position ToPosition(LinePosition position) => new(position.Line, position.Character);

    public static LspRange ToRange(SourceText text, TextSpan span)
    {
        var lines = text.GetLinePositionSpan(span);
        return new LspRange(ToPosition(lines.Start), ToPosition(lines.End));
    }

    /// <summary>
    /// The offset of a position; past the end of its line means the end of the line, past the last line the end of the
    /// text (as the specification asks of positions beyond the content).
    /// </summary>
    public static int ToOffset(SourceText text, Position position)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(position);
        if (position.Line < 0)
        {
            return 0;
        }

        if (position.Line >= text.LineCount)
        {
            return text.Length;
        }

        var line = text.GetLineSpan(position.Line);
        return line.Start + Math.Clamp(position.Character, 0, line.Length);
    }
}
