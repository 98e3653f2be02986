using System.Collections.Immutable;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Parsing.Systemd;

/// <summary>
/// One <c>[Name]</c> header and the entries up to the next header. A file may repeat a header;
/// <see cref="UnitFileSyntax.GetSection(string)"/> combines the repeats the way systemd does.
/// </summary>
public sealed class UnitSection : UnitEntryScope
{
    internal UnitSection(SourceText source, string name, TextSpan nameSpan, TextSpan headerSpan, bool isHeaderValid, ImmutableArray<UnitEntry> entries)
    {
        Source = source;
        Name = name;
        NameSpan = nameSpan;
        HeaderSpan = headerSpan;
        IsHeaderValid = isHeaderValid;
        Entries = entries;
    }

    public SourceText Source { get; }

    /// <summary>The name between the brackets, exactly as written (systemd does not trim it).</summary>
    public string Name { get; }

    public TextSpan NameSpan { get; }

    /// <summary>From <c>[</c> to <c>]</c> (to the end of the line for a malformed header).</summary>
    public TextSpan HeaderSpan { get; }

    /// <summary>False when the header line does not end in <c>]</c>; systemd then refuses the whole file.</summary>
    public bool IsHeaderValid { get; }

    public override ImmutableArray<UnitEntry> Entries { get; }

    /// <summary>From the header to the end of the last entry.</summary>
    public TextSpan Span => Entries.IsEmpty ? HeaderSpan : TextSpan.FromBounds(HeaderSpan.Start, Math.Max(HeaderSpan.End, Entries[^1].Span.End));

    public override string ToString() => "[" + Name + "]";
}
