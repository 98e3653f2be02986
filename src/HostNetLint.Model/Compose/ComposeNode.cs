using HostNetLint.Model.Interpolation;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Model.Compose;

/// <summary>
/// A node of the effective compose model: YAML with aliases and merge keys resolved, where every node keeps
/// where it is written (<see cref="Location"/>) and where it enters its service (<see cref="Site"/>).
/// </summary>
internal abstract class ComposeNode
{
    private protected ComposeNode(Location location, Location site, string? tag, Interpolator interpolator)
    {
        Location = location;
        Site = site;
        Tag = tag;
        Interpolator = interpolator;
    }

    public Location Location { get; }

    public Location Site { get; }

    /// <summary>The YAML tag, e.g. <c>!reset</c> or <c>!override</c>.</summary>
    public string? Tag { get; }

    /// <summary>The variables of the file this node is written in (compose interpolates each file before merging).</summary>
    public Interpolator Interpolator { get; }

    public bool IsReset => Tag == ComposeTags.Reset;

    public bool IsOverride => Tag == ComposeTags.Override;

    /// <summary>A copy of this subtree that enters through <paramref name="site"/> (used for <c>extends</c>).</summary>
    public abstract ComposeNode WithSite(Location site);

    /// <summary>A copy without its tag, once a merge has honoured it.</summary>
    public abstract ComposeNode WithoutTag();
}
