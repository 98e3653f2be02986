using System.Collections.Immutable;
using HostNetLint.Model.Interpolation;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Model.Compose;

/// <summary>A mapping with unique keys (merge keys applied, later duplicates dropped as YAML tools do).</summary>
internal sealed class ComposeMapping : ComposeNode
{
    public ComposeMapping(ImmutableArray<ComposeEntry> entries, Location location, Location site, string? tag, Interpolator interpolator)
        : base(location, site, tag, interpolator)
    {
        Entries = entries;
    }

    public ImmutableArray<ComposeEntry> Entries { get; }

    public ComposeNode? this[string key] => Find(key)?.Value;

    public ComposeEntry? Find(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key == key)
            {
                return entry;
            }
        }

        return null;
    }

    public override ComposeNode WithSite(Location site) =>
        new ComposeMapping([.. Entries.Select(e => e.WithSite(site))], Location, site, Tag, Interpolator);

    public override ComposeNode WithoutTag() => Tag is null ? this : new ComposeMapping(Entries, Location, Site, null, Interpolator);

    public ComposeMapping WithEntries(ImmutableArray<ComposeEntry> entries) => new(entries, Location, Site, Tag, Interpolator);
}
