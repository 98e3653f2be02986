using HostNetLint.Cli.Output;

namespace HostNetLint.Cli.Commands;

/// <summary>
/// One report a <c>check</c> writes: a format and a file, or standard output (<see cref="File"/> null). <c>--format</c>
/// with <c>--output</c> is one; every <c>--report FORMAT=PATH</c> is another, so CI lints once and writes SARIF, JUnit
/// and annotations together.
/// </summary>
internal sealed record ReportTarget(OutputFormat Format, string? File)
{
    /// <summary>The PATH of <c>--report FORMAT=-</c> that means standard output.</summary>
    public const string StandardOutput = "-";

    /// <summary>Reads <c>FORMAT=PATH</c>; <paramref name="error"/> says what is wrong otherwise.</summary>
    public static bool TryParse(string text, out ReportTarget? target, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        target = null;
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == text.Length - 1)
        {
            error = $"'{text}' is not FORMAT=PATH (e.g. sarif=hostnetlint.sarif, or github=- for standard output)";
            return false;
        }

        if (!OutputFormats.TryParse(text[..equals], out var format))
        {
            error = $"'{text[..equals]}' is not a format; expected one of {string.Join(", ", OutputFormats.Names)}";
            return false;
        }

        var path = text[(equals + 1)..];
        target = new ReportTarget(format, path == StandardOutput ? null : path);
        error = string.Empty;
        return true;
    }

    /// <summary>
    /// Every report of a check: <c>--format</c>/<c>--output</c> first, then the <c>--report</c>s in order. Standard output
    /// carries one report; when a <c>--report</c> takes it and neither <c>--format</c> nor <c>--output</c> was given,
    /// the default text report is left out. Two reports to one place are refused.
    /// </summary>
    public static IReadOnlyList<ReportTarget> Plan(CheckSettings settings, string currentDirectory, out string? error)
    {
        ArgumentNullException.ThrowIfNull(settings);
        error = null;
        var targets = new List<ReportTarget>();
        var reportTakesOutput = settings.Reports.Any(r => r.File is null);
        if (settings.OutputFile is not null || settings.FormatGiven || !reportTakesOutput)
        {
            targets.Add(new ReportTarget(settings.Format, settings.OutputFile));
        }

        targets.AddRange(settings.Reports);
        var toOutput = targets.Where(t => t.File is null).ToList();
        if (toOutput.Count > 1)
        {
            error = $"{string.Join(" and ", toOutput.Select(Describe))} would all write to standard output; give all but one a file (--output FILE or --report FORMAT=FILE)";
            return [];
        }

        var sameFile = targets.Where(t => t.File is not null)
            .GroupBy(t => Path.GetFullPath(t.File!, currentDirectory), StringComparer.Ordinal)
            .FirstOrDefault(g => g.Count() > 1);
        if (sameFile is not null)
        {
            error = $"{string.Join(" and ", sameFile.Select(Describe))} would write the same file; give each report its own";
            return [];
        }

        return targets;

        string Describe(ReportTarget target) =>
            settings.Reports.Contains(target)
                ? $"--report {OutputFormats.NameOf(target.Format)}={target.File ?? StandardOutput}"
                : $"--format {OutputFormats.NameOf(target.Format)}";
    }
}
