using HostNetLint.Model.Interpolation;
using HostNetLint.Parsing.Text;
using HostNetLint.Parsing.Yaml;

namespace HostNetLint.Model.Compose;

internal sealed class ComposeScalar : ComposeNode
{
    private const int NotComputed = int.MinValue;
    private const int NotVerbatim = -1;

    // Immutable inputs, so a race computes the same value twice at worst.
    private int verbatimStart = NotComputed;

    public ComposeScalar(string value, YamlScalarStyle style, bool isNull, Location location, Location site, string? tag, Interpolator interpolator)
        : base(location, site, tag, interpolator)
    {
        Value = value;
        Style = style;
        IsNull = isNull;
    }

    /// <summary>The scalar's value after YAML unquoting, before interpolation.</summary>
    public string Value { get; }

    /// <summary>The value after interpolation.</summary>
    public string Text => Interpolator.Interpolate(Value);

    public YamlScalarStyle Style { get; }

    public bool IsNull { get; }

    /// <summary>
    /// The source offset of <see cref="Value"/>'s first character when the value appears verbatim in the file
    /// (plain, or quoted without escapes), so that parts of the value can be located exactly; else null.
    /// </summary>
    /// <remarks>Computed once: every word of a long <c>command:</c> asks for it, and each answer reads the whole value.</remarks>
    public int? VerbatimStart
    {
        get
        {
            if (verbatimStart == NotComputed)
            {
                verbatimStart = ComputeVerbatimStart() ?? NotVerbatim;
            }

            return verbatimStart == NotVerbatim ? null : verbatimStart;
        }
    }

    /// <summary>The location of <c>Value[start..end]</c>: exact when the value is verbatim, else the whole scalar.</summary>
    public Location LocationOf(int start, int end)
    {
        return VerbatimStart is { } offset
            ? new Location(Location.Source, TextSpan.FromBounds(offset + start, offset + end))
            : Location;
    }

    private int? ComputeVerbatimStart()
    {
        var span = Location.Span;
        var source = Location.Source;
        if (span.End > source.Length)
        {
            return null;
        }

        var written = source.Text.AsSpan(span.Start, span.Length);
        var inner = Style switch
        {
            YamlScalarStyle.Plain => 0,
            YamlScalarStyle.SingleQuoted or YamlScalarStyle.DoubleQuoted => 1,
            _ => -1,
        };

        // A tag or anchor in front of the value shifts it; only the value's own text counts.
        if (inner < 0 || written.Length < Value.Length + (2 * inner))
        {
            return null;
        }

        var candidate = written[(written.Length - Value.Length - inner)..(written.Length - inner)];
        return candidate.SequenceEqual(Value) ? span.End - inner - Value.Length : null;
    }

    public override ComposeNode WithSite(Location site) => new ComposeScalar(Value, Style, IsNull, Location, site, Tag, Interpolator);

    public override ComposeNode WithoutTag() => Tag is null ? this : new ComposeScalar(Value, Style, IsNull, Location, Site, null, Interpolator);

    public override string ToString() => Value;
}
