using System.Globalization;
using HostNetLint.Parsing.Systemd;

namespace HostNetLint.Fuzz.Invariants;

/// <summary>
/// The entries of a unit file as leaves: <c>[Section]#n/Key#m</c> (the n-th section of that name, the m-th assignment
/// of that key in it) with the logical value systemd reads, continuations joined.
/// </summary>
public static class UnitLeaves
{
    public static List<ValueLeaf> Of(UnitFileSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        var leaves = new List<ValueLeaf>();
        var sectionCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var section in syntax.Sections)
        {
            var sectionIndex = sectionCounts.GetValueOrDefault(section.Name);
            sectionCounts[section.Name] = sectionIndex + 1;
            var keyCounts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var entry in section.Entries)
            {
                var keyIndex = keyCounts.GetValueOrDefault(entry.Key);
                keyCounts[entry.Key] = keyIndex + 1;
                var path = string.Create(CultureInfo.InvariantCulture, $"[{section.Name}]#{sectionIndex}/{entry.Key}#{keyIndex}");
                leaves.Add(new ValueLeaf(path, entry.Value.Text, entry.Span, entry.KeySpan));
            }
        }

        return leaves;
    }
}
