using System.Collections.Immutable;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Parsing.Systemd;

/// <summary>
/// Entries in the order systemd reads them (one section, or a section merged across a file and its
/// drop-ins), with queries that apply systemd's assignment rules. Keys match case-sensitively, as in systemd.
/// </summary>
public abstract class UnitEntryScope
{
    private protected UnitEntryScope()
    {
    }

    public abstract ImmutableArray<UnitEntry> Entries { get; }

    public bool Contains(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key == key)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every assignment of <paramref name="key"/> as written, empty ones included.</summary>
    public ImmutableArray<UnitEntry> GetAll(string key)
    {
        var builder = ImmutableArray.CreateBuilder<UnitEntry>();
        foreach (var entry in Entries)
        {
            if (entry.Key == key)
            {
                builder.Add(entry);
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>
    /// The assignment that wins for a single-valued setting (<c>Type=</c>, <c>User=</c>): the last one. It may be
    /// empty, which means "back to the default". Null when the key is not set.
    /// </summary>
    public UnitEntry? GetLast(string key)
    {
        for (var i = Entries.Length - 1; i >= 0; i--)
        {
            if (Entries[i].Key == key)
            {
                return Entries[i];
            }
        }

        return null;
    }

    /// <summary>
    /// The assignments of an accumulating setting that are still in effect: those after the last empty
    /// assignment, which resets the list (<c>ExecStart=</c>, <c>Environment=</c>). The reset itself is left out.
    /// </summary>
    public ImmutableArray<UnitEntry> GetEffective(string key)
    {
        var builder = ImmutableArray.CreateBuilder<UnitEntry>();
        foreach (var entry in Entries)
        {
            if (entry.Key != key)
            {
                continue;
            }

            if (entry.IsEmptyAssignment)
            {
                builder.Clear();
            }
            else
            {
                builder.Add(entry);
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>
    /// The words of a list-valued setting (<c>After=</c>, <c>Wants=</c>, <c>WantedBy=</c>) across all its
    /// assignments, each with its source span; an empty assignment drops the words before it. Words are split
    /// at spaces and tabs and kept as written (no unquoting; unit names do not need it).
    /// </summary>
    public ImmutableArray<UnitListItem> GetList(string key)
    {
        var builder = ImmutableArray.CreateBuilder<UnitListItem>();
        foreach (var entry in GetEffective(key))
        {
            AddWords(entry, builder);
        }

        return builder.ToImmutable();
    }

    private static void AddWords(UnitEntry entry, ImmutableArray<UnitListItem>.Builder builder)
    {
        var text = entry.Value.Text;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && UnitFileParser.IsBlank(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && !UnitFileParser.IsBlank(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                var valueSpan = TextSpan.FromBounds(start, i);
                builder.Add(new UnitListItem(text[start..i], entry.Value.ToSourceSpan(valueSpan), entry));
            }
        }
    }
}
