using HostNetLint.Parsing.Text;
using Location = HostNetLint.Parsing.Text.Location;

namespace HostNetLint.Reporting.Sarif;

/// <summary>A SARIF <c>region</c>: 1-based lines and UTF-16 columns, <c>endColumn</c> one past the last character.</summary>
internal readonly record struct SarifRegion(int StartLine, int StartColumn, int EndLine, int EndColumn);

internal static class Regions
{
    /// <summary>The region a reader is shown (<see cref="DisplayRegion"/>).</summary>
    public static SarifRegion ForDisplay(Location location)
    {
        var region = DisplayRegion.Of(location);
        return new SarifRegion(region.StartLine, region.StartColumn, region.EndLine, region.EndColumn);
    }

    /// <summary>The exact region, for the deleted text of a fix.</summary>
    public static SarifRegion Exact(Location location)
    {
        var (start, end) = location.LineSpan;
        return Create(start, end);
    }

    private static SarifRegion Create(LinePosition start, LinePosition end) =>
        new(start.Line + 1, start.Character + 1, end.Line + 1, end.Character + 1);
}
