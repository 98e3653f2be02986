using HostNetLint.Model.Workloads;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Model.Units;

/// <summary>
/// One word of a command or setting in a unit file: its value (unquoted, unescaped), the text as written,
/// and where it is written.
/// </summary>
internal sealed record UnitWord(string Text, string Raw, Location Location)
{
    public ModelValue ToValue() => new(Text, Raw, Location, Location);

    /// <summary>
    /// The part of the word after <paramref name="prefixLength"/> characters (the value of <c>--flag=value</c>).
    /// The span is exact when the word is written as its value (no quotes, escapes or continuations);
    /// otherwise the whole word is the best position there is.
    /// </summary>
    public UnitWord Slice(int prefixLength)
    {
        var text = Text[prefixLength..];
        var writtenVerbatim = Raw == Text && Location.Span.Length == Raw.Length;
        var location = writtenVerbatim
            ? new Location(Location.Source, new TextSpan(Location.Span.Start + prefixLength, Location.Span.Length - prefixLength))
            : Location;
        return new UnitWord(text, writtenVerbatim ? text : Raw, location);
    }

    /// <summary>
    /// The shell words of this word's value (<c>sh -c 'a b'</c>, <c>--health-cmd "curl -f x"</c>). Positions are exact
    /// when the word is written as one quoted (or bare) string without escapes; otherwise each part is at the whole word.
    /// </summary>
    public List<UnitWord> SplitShell()
    {
        var span = Location.Span;
        int? offset = null;
        if (span.Length == Raw.Length)
        {
            if (Raw == Text)
            {
                offset = span.Start;
            }
            else if (Raw.Length >= 2 && Raw[0] is '\'' or '"' && Raw[^1] == Raw[0] && Raw[1..^1] == Text)
            {
                offset = span.Start + 1;
            }
        }

        var words = new List<UnitWord>();
        foreach (var word in ShellWords.Split(Text))
        {
            var location = offset is { } start ? new Location(Location.Source, TextSpan.FromBounds(start + word.Start, start + word.End)) : Location;
            words.Add(new UnitWord(word.Text, Text[word.Start..word.End], location));
        }

        return words;
    }

    public override string ToString() => Text;
}
