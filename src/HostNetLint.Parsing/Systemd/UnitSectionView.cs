using System.Collections.Immutable;

namespace HostNetLint.Parsing.Systemd;

/// <summary>
/// All sections of one name, in reading order: repeated headers in a file, then the same section in each
/// drop-in. Queries see one list of entries, as systemd does.
/// </summary>
public sealed class UnitSectionView : UnitEntryScope
{
    internal UnitSectionView(string name, ImmutableArray<UnitSection> sections)
    {
        Name = name;
        Sections = sections;
        var entries = ImmutableArray.CreateBuilder<UnitEntry>();
        foreach (var section in sections)
        {
            entries.AddRange(section.Entries);
        }

        Entries = entries.ToImmutable();
    }

    public string Name { get; }

    public ImmutableArray<UnitSection> Sections { get; }

    public override ImmutableArray<UnitEntry> Entries { get; }

    public override string ToString() => "[" + Name + "]";
}
