using HostNetLint.Parsing.Text;
using Microsoft.CodeAnalysis.Sarif;
using Location = HostNetLint.Parsing.Text.Location;

namespace HostNetLint.Reporting.Sarif;

/// <summary>SARIF regions: 1-based lines and UTF-16 columns, <c>endColumn</c> one past the last character.</summary>
internal static class Regions
{
    /// <summary>The region a reader is shown (<see cref="DisplayRegion"/>).</summary>
    public static Region ForDisplay(Location location)
    {
        var region = DisplayRegion.Of(location);
        return new Region { StartLine = region.StartLine, StartColumn = region.StartColumn, EndLine = region.EndLine, EndColumn = region.EndColumn };
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
