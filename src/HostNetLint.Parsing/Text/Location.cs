namespace HostNetLint.Parsing.Text;

/// <summary>A span in a particular file.</summary>
public sealed record Location(SourceText Source, TextSpan Span)
{
    public string Path => Source.Path;

    public LinePositionSpan LineSpan => Source.GetLinePositionSpan(Span);

    public override string ToString()
    {
        var start = LineSpan.Start;
        return $"{Path}({start.Line + 1},{start.Character + 1})";
    }
}
