using HostNetLint.Model.Workloads;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Rules.Analysis;

/// <summary>Words for messages that say where a piece of evidence sits.</summary>
internal static class EvidenceText
{
    /// <summary>"line 9" when in the workload's own file, else "path line 9".</summary>
    public static string Where(ModelValue value, Workload workload)
    {
        var line = value.Location.LineSpan.Start.Line + 1;
        return value.Location.Path == workload.Location.Path ? $"line {line}" : $"{value.Location.Path} line {line}";
    }

    /// <summary>
    /// Splits arguments that hold several shell words (<c>sh -c "airflow webserver --port 8888"</c>). Each
    /// word's value points at the word itself when the argument is written verbatim, else at the argument.
    /// </summary>
    public static IEnumerable<(string Word, ModelValue Source)> Words(IEnumerable<ModelValue> arguments)
    {
        foreach (var argument in arguments)
        {
            var text = argument.Text;
            var start = -1;
            for (var i = 0; i <= text.Length; i++)
            {
                var isSeparator = i == text.Length || Separators.Contains(text[i]);
                if (!isSeparator && start < 0)
                {
                    start = i;
                }
                else if (isSeparator && start >= 0)
                {
                    yield return (text[start..i], start > 0 || i < text.Length ? Slice(argument, start, i - start) : argument);
                    start = -1;
                }
            }
        }
    }

    /// <summary>The part of a value from <paramref name="start"/>, pointing at exactly that text when the value is written verbatim.</summary>
    public static ModelValue Slice(ModelValue value, int start, int length)
    {
        var part = value.Text.Substring(start, length);
        if (VerbatimOffset(value) is not { } at)
        {
            return value with { Text = part, Raw = part };
        }

        var location = value.Location with { Span = new TextSpan(at + start, length) };
        return value with { Text = part, Raw = part, Location = location, Site = value.IsInherited ? value.Site : location };
    }

    private static readonly char[] Separators = [' ', '\t', '\n', '\r', ';', '&', '|', '(', ')', '"', '\''];

    /// <summary>Where the value's text starts in the file when it is written as-is (plain or simply quoted), else null.</summary>
    private static int? VerbatimOffset(ModelValue value)
    {
        var span = value.Location.Span;
        var written = value.Location.Source.Text.AsSpan(span.Start, span.Length);
        if (written.SequenceEqual(value.Text))
        {
            return span.Start;
        }

        var quoted = written.Length == value.Text.Length + 2 && written[0] is '"' or '\'' && written[^1] == written[0];
        return quoted && written[1..^1].SequenceEqual(value.Text) ? span.Start + 1 : null;
    }
}
