using System.Collections.Immutable;
using HostNetLint.Model.Interpolation;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Model.Compose;

/// <summary>A mapping with unique keys (merge keys applied, later duplicates dropped as YAML tools do).</summary>
internal sealed class ComposeMapping : ComposeNode
{
    /// <summary>Up to this many entries a scan is cheaper than an index; above it, lookups by key must not cost the size.</summary>
    private const int LinearSearchLimit = 8;

    private Dictionary<string, ComposeEntry>? index;

    public ComposeMapping(ImmutableArray<ComposeEntry> entries, Location location, Location site, string? tag, Interpolator interpolator)
        : base(location, site, tag, interpolator)
    {
        Entries = entries;
    }

    public ImmutableArray<ComposeEntry> Entries { get; }

    public ComposeNode? this[string key] => Find(key)?.Value;

    public ComposeEntry? Find(string key)
    {
        if (Entries.Length <= LinearSearchLimit)
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

        // The first entry of each key, as the scan finds it (a list turned mapping may repeat a name). A race builds
        // the same index twice at worst.
        index ??= Entries.DistinctBy(e => e.Key, StringComparer.Ordinal).ToDictionary(e => e.Key, StringComparer.Ordinal);
        return index.GetValueOrDefault(key);
    }

    public override ComposeNode WithSite(Location site) =>
        new ComposeMapping([.. Entries.Select(e => e.WithSite(site))], Location, site, Tag, Interpolator);

    public override ComposeNode WithoutTag() => Tag is null ? this : new ComposeMapping(Entries, Location, Site, null, Interpolator);

    public ComposeMapping WithEntries(ImmutableArray<ComposeEntry> entries) => new(entries, Location, Site, Tag, Interpolator);
}
