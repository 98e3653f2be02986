using System.Globalization;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Reporting;

/// <summary>
/// The region of a finding a reader is shown, as every report format writes it: 1-based lines, 1-based UTF-16
/// columns, <see cref="EndColumn"/> one past the last character (SARIF's convention). A span that ends right after a
/// line break is ended at the end of that line instead, so the finding does not spill onto the next (empty-looking) line.
/// </summary>
public readonly record struct DisplayRegion(int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public bool IsSingleLine => StartLine == EndLine;

    public static DisplayRegion Of(Location location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var (start, end) = location.LineSpan;
        if (end.Line > start.Line && end.Character == 0)
        {
            var previous = end.Line - 1;
            end = new LinePosition(previous, location.Source.GetLineSpan(previous).Length);
        }

        return new DisplayRegion(start.Line + 1, start.Character + 1, end.Line + 1, end.Character + 1);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"({StartLine},{StartColumn})-({EndLine},{EndColumn})");
}
