using HostNetLint.Parsing.Text;
using Microsoft.CodeAnalysis.Sarif;
using Location = HostNetLint.Parsing.Text.Location;

namespace HostNetLint.Reporting.Sarif;

/// <summary>SARIF regions: 1-based lines and UTF-16 columns, <c>endColumn</c> one past the last character.</summary>
internal static class Regions
{
    /// <summary>
    /// The region a reader is shown. A span that ends right after a line break is ended at the end of
    /// that line instead, so the alert does not spill onto the next (empty-looking) line.
    /// </summary>
    public static Region ForDisplay(Location location)
    {
        var (start, end) = location.LineSpan;
        if (end.Line > start.Line && end.Character == 0)
        {
            var previous = end.Line - 1;
            end = new LinePosition(previous, location.Source.GetLineSpan(previous).Length);
        }

        return Create(start, end);
    }

    /// <summary>The exact region, for the deleted text of a fix.</summary>
    public static Region Exact(Location location)
    {
        var (start, end) = location.LineSpan;
        return Create(start, end);
    }

    private static Region Create(LinePosition start, LinePosition end) => new()
    {
        StartLine = start.Line + 1,
        StartColumn = start.Character + 1,
        EndLine = end.Line + 1,
        EndColumn = end.Character + 1,
    };
}
