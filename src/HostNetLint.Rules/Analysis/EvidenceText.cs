using HostNetLint.Model;
using HostNetLint.Model.Workloads;
using HostNetLint.Parsing.Yaml;
using HostNetLint.Parsing.Text;
using HostNetLint.Rules.Fixing;

namespace HostNetLint.Rules.Analysis;

/// <summary>Words for messages that say where a piece of evidence sits.</summary>
internal static class EvidenceText
{
    /// <summary>
    /// Where a value comes from, in words that do not change when lines move (alert texts must stay
    /// stable): "from 'x-airflow-common'", "in its own definition", "from the env file airflow.env", plus the file when it is another one.
    /// </summary>
    public static string Where(ModelValue value, Workload workload, DeploymentModel model)
    {
        if (value.Origin == ValueOrigin.EnvFile)
        {
            return $"from the env file {value.Location.Path}";
        }

        var container = TopLevelKey(model, value.Location);
        var where = value.IsInherited
            ? container is not null && container != "services" ? $"from '{container}'" : "through a merge"
            : "in its own definition";
        return value.Location.Path == workload.Location.Path ? where : $"{where} in {value.Location.Path}";
    }

    /// <summary>The top-level key of the YAML file whose entry holds <paramref name="location"/>, if any.</summary>
    /// <remarks>Asked once per finding: the document by index, the entry by binary search (entries are in text order).</remarks>
    private static string? TopLevelKey(DeploymentModel model, Location location)
    {
        if (model.DocumentOf(location.Source)?.Yaml?.Root is not YamlMapping root)
        {
            return null;
        }

        var entries = root.Entries;
        var position = location.Span.Start;
        var last = YamlNavigation.Before(entries, e => e.Span.Start, position);
        return last >= 0 && entries[last].Span.Contains(position) ? entries[last].KeyText : null;
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

            // Once per argument: finding where the text is written reads all of it.
            var verbatimAt = VerbatimOffset(argument);
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
                    yield return (text[start..i], start > 0 || i < text.Length ? Slice(argument, verbatimAt, start, i - start) : argument);
                    start = -1;
                }
            }
        }
    }

    /// <summary>The part of a value from <paramref name="start"/>, pointing at exactly that text when the value is written verbatim.</summary>
    public static ModelValue Slice(ModelValue value, int start, int length) => Slice(value, VerbatimOffset(value), start, length);

    private static ModelValue Slice(ModelValue value, int? verbatimAt, int start, int length)
    {
        var part = value.Text.Substring(start, length);
        if (verbatimAt is not { } at)
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
