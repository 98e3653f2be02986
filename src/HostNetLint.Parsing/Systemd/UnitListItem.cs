using HostNetLint.Parsing.Text;

namespace HostNetLint.Parsing.Systemd;

/// <summary>One whitespace-separated word of a list-valued setting such as <c>After=</c>, with its own source span.</summary>
public sealed record UnitListItem(string Text, TextSpan Span, UnitEntry Entry)
{
    /// <summary>The file and span of the word (drop-in items point into their drop-in).</summary>
    public Location Location => new(Entry.Source, Span);

    public override string ToString() => Text;
}
