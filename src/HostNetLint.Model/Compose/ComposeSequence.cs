using System.Collections.Immutable;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Model.Compose;

internal sealed class ComposeSequence : ComposeNode
{
    public ComposeSequence(ImmutableArray<ComposeNode> items, Location location, Location site, string? tag)
        : base(location, site, tag)
    {
        Items = items;
    }

    public ImmutableArray<ComposeNode> Items { get; }

    public override ComposeNode WithSite(Location site) =>
        new ComposeSequence([.. Items.Select(i => i.WithSite(site))], Location, site, Tag);

    public override ComposeNode WithoutTag() => Tag is null ? this : new ComposeSequence(Items, Location, Site, null);

    public ComposeSequence WithItems(ImmutableArray<ComposeNode> items) => new(items, Location, Site, Tag);
}
