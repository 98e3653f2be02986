using HostNetLint.Model.Workloads;

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

    /// <summary>Splits arguments that hold several shell words (<c>sh -c "airflow webserver --port 8888"</c>).</summary>
    public static IEnumerable<(string Word, ModelValue Source)> Words(IEnumerable<ModelValue> arguments)
    {
        foreach (var argument in arguments)
        {
            foreach (var word in argument.Text.Split([' ', '\t', '\n', '\r', ';', '&', '|', '(', ')', '"', '\''], StringSplitOptions.RemoveEmptyEntries))
            {
                yield return (word, argument);
            }
        }
    }
}
