using System.Collections.Immutable;
using HostNetLint.Model.Interpolation;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Model.Compose;

internal sealed class ComposeSequence : ComposeNode
{
    public ComposeSequence(ImmutableArray<ComposeNode> items, Location location, Location site, string? tag, Interpolator interpolator)
        : base(location, site, tag, interpolator)
    {
        Items = items;
    }

    public ImmutableArray<ComposeNode> Items { get; }

    public override ComposeNode WithSite(Location site) =>
        new ComposeSequence([.. Items.Select(i => i.WithSite(site))], Location, site, Tag, Interpolator);

    public override ComposeNode WithoutTag() => Tag is null ? this : new ComposeSequence(Items, Location, Site, null, Interpolator);

    public ComposeSequence WithItems(ImmutableArray<ComposeNode> items) => new(items, Location, Site, Tag, Interpolator);
}
