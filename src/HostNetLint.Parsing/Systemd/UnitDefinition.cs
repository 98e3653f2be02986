using System.Collections.Immutable;

namespace HostNetLint.Parsing.Systemd;

/// <summary>
/// A unit as systemd loads it: the main file followed by its drop-ins in lexical order of their file
/// names. Section queries run over all files, so later assignments append and an empty assignment resets
/// across files, exactly as in one file. Every entry keeps the file it came from.
/// </summary>
public sealed class UnitDefinition
{
    private UnitDefinition(UnitFileSyntax main, ImmutableArray<UnitFileSyntax> dropIns)
    {
        Main = main;
        DropIns = dropIns;
        Files = [main, .. dropIns];
    }

    public UnitFileSyntax Main { get; }

    /// <summary>The drop-ins that apply, in the order systemd applies them.</summary>
    public ImmutableArray<UnitFileSyntax> DropIns { get; }

    /// <summary>The main file, then the drop-ins.</summary>
    public ImmutableArray<UnitFileSyntax> Files { get; }

    public UnitFileKind Kind => Main.Kind;

    /// <summary>All sections named <paramref name="name"/> across the files, or null when no file has one.</summary>
    public UnitSectionView? GetSection(string name)
    {
        var matches = ImmutableArray.CreateBuilder<UnitSection>();
        foreach (var file in Files)
        {
            foreach (var section in file.Sections)
            {
                if (section.Name == name)
                {
                    matches.Add(section);
                }
            }
        }

        return matches.Count == 0 ? null : new UnitSectionView(name, matches.ToImmutable());
    }

    internal static UnitDefinition Create(UnitFileSyntax main, IEnumerable<UnitFileSyntax> dropIns)
    {
        ArgumentNullException.ThrowIfNull(main);
        ArgumentNullException.ThrowIfNull(dropIns);

        // The first of equal names wins: the caller lists directories from highest priority, as systemd searches them.
        // Drop-ins without a path (built in memory) are all kept, in the order given.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<(string Name, int Index, UnitFileSyntax File)>();
        foreach (var dropIn in dropIns)
        {
            var name = Path.GetFileName(dropIn.Text.Path);
            if (name.Length == 0 || seen.Add(name))
            {
                kept.Add((name, kept.Count, dropIn));
            }
        }

        var ordered = kept.OrderBy(item => item.Name, StringComparer.Ordinal).ThenBy(item => item.Index).Select(item => item.File);
        return new UnitDefinition(main, [.. ordered]);
    }
}
