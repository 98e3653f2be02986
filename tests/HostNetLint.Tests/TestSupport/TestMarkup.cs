using System.Text;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Tests.TestSupport;

/// <summary>An expected finding in markup: the rule ID (null = the rule under test) and its exact span.</summary>
public sealed record ExpectedSpan(string? Id, TextSpan Span);

/// <summary>
/// Roslyn-style test markup: <c>[|text|]</c> marks a finding of the rule under test, <c>{|HNL1002:text|}</c>
/// one of the named rule. There is no <c>$$</c> marker: compose and systemd use <c>$$</c> as a literal dollar.
/// </summary>
public static class TestMarkup
{
    public static (string Text, IReadOnlyList<ExpectedSpan> Spans) Parse(string markup)
    {
        ArgumentNullException.ThrowIfNull(markup);
        var text = new StringBuilder(markup.Length);
        var spans = new List<ExpectedSpan>();
        var open = new Stack<(string? Id, int Start)>();
        for (var i = 0; i < markup.Length; i++)
        {
            if (Matches(markup, i, "[|"))
            {
                open.Push((null, text.Length));
                i++;
            }
            else if (Matches(markup, i, "{|"))
            {
                var colon = markup.IndexOf(':', i + 2);
                if (colon < 0)
                {
                    throw new FormatException($"'{{|' at {i} has no 'ID:'");
                }

                open.Push((markup[(i + 2)..colon], text.Length));
                i = colon;
            }
            else if (Matches(markup, i, "|]") || Matches(markup, i, "|}"))
            {
                if (open.Count == 0)
                {
                    throw new FormatException($"Unbalanced '{markup.Substring(i, 2)}' at {i}");
                }

                var (id, start) = open.Pop();
                if ((id is null) != (markup[i + 1] == ']'))
                {
                    throw new FormatException($"Marker closed with the wrong bracket at {i}");
                }

                spans.Add(new ExpectedSpan(id, TextSpan.FromBounds(start, text.Length)));
                i++;
            }
            else
            {
                text.Append(markup[i]);
            }
        }

        if (open.Count > 0)
        {
            throw new FormatException("Unclosed markup span");
        }

        return (text.ToString(), spans);
    }

    private static bool Matches(string text, int index, string token) => string.CompareOrdinal(text, index, token, 0, token.Length) == 0;
}
