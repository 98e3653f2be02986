using HostNetLint.Parsing.Text;

namespace HostNetLint.Parsing.Systemd;

/// <summary>One <c>Key=Value</c> assignment, possibly spread over continuation lines.</summary>
public sealed class UnitEntry
{
    internal UnitEntry(SourceText source, string sectionName, string key, TextSpan keySpan, UnitValue value, TextSpan span, TextSpan fullSpan, int firstLine, int lastLine)
    {
        Source = source;
        SectionName = sectionName;
        Key = key;
        KeySpan = keySpan;
        Value = value;
        Span = span;
        FullSpan = fullSpan;
        FirstLine = firstLine;
        LastLine = lastLine;
    }

    /// <summary>The file the entry was read from (drop-in merging keeps entries of several files side by side).</summary>
    public SourceText Source { get; }

    public string SectionName { get; }

    /// <summary>The key as written; systemd matches keys case-sensitively.</summary>
    public string Key { get; }

    public TextSpan KeySpan { get; }

    public UnitValue Value { get; }

    /// <summary>The source span of the trimmed value; empty (just after the <c>=</c>) for an empty assignment.</summary>
    public TextSpan ValueSpan => Value.ToSourceSpan(new TextSpan(0, Value.Length));

    /// <summary>From the key's first character to the value's last, across continuation lines.</summary>
    public TextSpan Span { get; }

    /// <summary>Every physical line of the entry including the last line break, for fixes that remove or replace it.</summary>
    public TextSpan FullSpan { get; }

    /// <summary>Zero-based first physical line.</summary>
    public int FirstLine { get; }

    /// <summary>Zero-based last physical line (a continuation's last line, or a comment skipped inside it).</summary>
    public int LastLine { get; }

    /// <summary>True for <c>Key=</c>, which resets list-valued settings to their default.</summary>
    public bool IsEmptyAssignment => Value.IsEmpty;

    public Location Location => new(Source, Span);

    public override string ToString() => Key + "=" + Value.Text;
}
