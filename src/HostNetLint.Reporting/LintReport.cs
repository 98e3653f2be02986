using System.Collections.Immutable;
using HostNetLint.Reporting.Sarif;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Reporting;

/// <summary>
/// One finished lint run as the report formats read it (GitHub annotations, JUnit, GitLab Code Quality, JSON): the
/// findings, the files reported on, and where paths start. Every format names files relative to
/// <see cref="RepositoryRoot"/> with forward slashes and no <c>./</c>, as CI systems resolve them against the checkout.
/// </summary>
public sealed class LintReport
{
    private Dictionary<Diagnostic, string>? fingerprints;

    /// <summary>The findings to report, in any order (the writers sort).</summary>
    public required ImmutableArray<Diagnostic> Diagnostics { get; init; }

    /// <summary>The files reported on, as the model names them (relative to <see cref="LintedRoot"/>, or absolute).</summary>
    public ImmutableArray<string> Files { get; init; } = [];

    /// <summary>How many files were reported on (the summary's "in N files").</summary>
    public int FileCount { get; init; }

    /// <summary>Findings a baseline already knew: not in <see cref="Diagnostics"/>, only counted.</summary>
    public int BaselineKnownCount { get; init; }

    /// <summary>The linted root (full path): relative diagnostic paths start here.</summary>
    public required string LintedRoot { get; init; }

    /// <summary>The repository root (full path) that every reported path is relative to.</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>The tool's version, written where a format has a place for it.</summary>
    public string ToolVersion { get; init; } = "0.0.0";

    /// <summary>Base URL of the rule pages; a rule's page is this plus <c>rules/HNLxxxx.md</c>.</summary>
    public string HelpBaseUri { get; init; } = RuleDescriptor.DefaultHelpBaseUri;

    /// <summary>
    /// <paramref name="path"/> (as a diagnostic or <see cref="Files"/> names it) relative to the repository root, with
    /// forward slashes; a file outside the repository keeps its full path.
    /// </summary>
    public string RepositoryPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path, LintedRoot);
        var relative = Path.GetRelativePath(RepositoryRoot, full);
        if (Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            relative = full;
        }

        return Path.DirectorySeparatorChar == '/' ? relative : relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>The rule page of a finding's rule.</summary>
    public string HelpUri(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return diagnostic.Descriptor.HelpUri(HelpBaseUri).AbsoluteUri;
    }

    /// <summary>
    /// The line-independent fingerprint of a finding, the very value SARIF writes in <c>partialFingerprints</c>
    /// (<see cref="Sarif.Fingerprints"/>); unique within the run.
    /// </summary>
    public string Fingerprint(Diagnostic diagnostic)
    {
        fingerprints ??= Sarif.Fingerprints.Assign(Diagnostics, RepositoryRoot, LintedRoot);
        return fingerprints[diagnostic];
    }

    /// <summary>The findings by repository path, line, column, rule and message: the order of the text format.</summary>
    public IReadOnlyList<Diagnostic> InFileOrder() =>
        [.. Diagnostics
            .Select(d => (Diagnostic: d, Path: RepositoryPath(d.Location.Path), Start: d.Location.LineSpan.Start))
            .OrderBy(x => x.Path, StringComparer.Ordinal)
            .ThenBy(x => x.Start.Line)
            .ThenBy(x => x.Start.Character)
            .ThenBy(x => x.Diagnostic.Id, StringComparer.Ordinal)
            .ThenBy(x => x.Diagnostic.Message, StringComparer.Ordinal)
            .Select(x => x.Diagnostic)];

    /// <summary>The findings most severe first, then in file order: for viewers that show only the first few.</summary>
    public IReadOnlyList<Diagnostic> MostSevereFirst() => [.. InFileOrder().OrderByDescending(d => d.Severity)];

    public FindingCounts Counts => FindingCounts.Of(Diagnostics);
}
