namespace HostNetLint.Model.Discovery;

/// <summary>
/// The text of <c>hostnetlint check --list-files</c>: one line per record, <c>PATH  PROJECT  REASON</c>, in path order,
/// the columns padded to line up; <c>-</c> stands for no project, and a file left out says <c>not linted: why</c>.
/// </summary>
/// <example>
/// <code>
/// compose.prod.yaml  app  variant of compose.yaml, run as -f compose.yaml -f compose.prod.yaml (compose-like name)
/// compose.yaml       app  default compose file name
/// vars/main.yml      -    not linted: YAML with services:, but no service has image: or build:
/// </code>
/// </example>
public static class FileDiscoveryFormat
{
    private const string Separator = "  ";

    /// <summary>One record as an unpadded line.</summary>
    public static string Line(FileDiscovery record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return string.Join(Separator, record.Path, ProjectColumn(record), ReasonColumn(record));
    }

    /// <summary>Writes every record, sorted by path then project, with the path and project columns padded.</summary>
    public static void Write(TextWriter writer, IEnumerable<FileDiscovery> records)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(records);
        var sorted = records
            .OrderBy(r => r.Path, StringComparer.Ordinal)
            .ThenBy(r => r.Project, StringComparer.Ordinal)
            .ThenBy(r => r.Reason)
            .ToList();
        var pathWidth = sorted.Count == 0 ? 0 : sorted.Max(r => r.Path.Length);
        var projectWidth = sorted.Count == 0 ? 0 : sorted.Max(r => ProjectColumn(r).Length);
        foreach (var record in sorted)
        {
            writer.WriteLine(string.Join(Separator, record.Path.PadRight(pathWidth), ProjectColumn(record).PadRight(projectWidth), ReasonColumn(record)));
        }
    }

    private static string ProjectColumn(FileDiscovery record) => string.IsNullOrEmpty(record.Project) ? "-" : record.Project;

    private static string ReasonColumn(FileDiscovery record) => record.IsLinted ? record.Detail : "not linted: " + record.Detail;
}
