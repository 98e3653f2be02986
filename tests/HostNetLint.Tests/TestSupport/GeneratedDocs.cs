using System.Text;
using HostNetLint.Model.Runtime;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Tests.TestSupport;

/// <summary>
/// The parts of checked-in files that are generated from the rule descriptors: each rule page's front
/// matter and title, the rule tables of rules/README.md and README.md, the configuration schema's rule IDs
/// and the unshipped release rows. The meta-tests compare the files with these texts; with
/// <see cref="UpdateVariable"/>=1 they rewrite the files instead.
/// </summary>
public static class GeneratedDocs
{
    public const string UpdateVariable = "HOSTNETLINT_UPDATE_DOCS";

    /// <summary>Opens and closes a generated table in a README (HTML comments, invisible when rendered).</summary>
    public const string TableStart = "<!-- rule table: generated from the rule descriptors; HOSTNETLINT_UPDATE_DOCS=1 dotnet test --filter RuleIndexTests rewrites it -->";

    public const string TableEnd = "<!-- end of rule table -->";

    /// <summary>Opens and closes a rule page's table of the runtime facts its rule relies on.</summary>
    public const string FactsStart = "<!-- runtime facts: generated from the descriptor's RuntimeFacts (Model/Runtime/RuntimeFacts.cs); HOSTNETLINT_UPDATE_DOCS=1 dotnet test --filter RuleDocsTests rewrites it -->";

    public const string FactsEnd = "<!-- end of runtime facts -->";

    /// <summary>The heading of the section that holds the facts table; a page whose rule relies on facts gets it before "How to suppress".</summary>
    public const string FactsSection = "Runtime facts";

    /// <summary>The sections every rule page has.</summary>
    public static readonly IReadOnlyList<string> PageSections = ["Cause", "Rule description", "How to fix", "How to suppress"];

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>The front matter and the title heading a rule page starts with.</summary>
    public static string PageHeader(RuleDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return $"""
            ---
            id: {descriptor.Id}
            title: {descriptor.Title}
            category: {descriptor.Category}
            severity: {descriptor.DefaultSeverity.ToDisplay()}
            fixable: {(descriptor.IsFixable ? "true" : "false")}
            ---
            # {descriptor.Id}: {descriptor.Title}

            """;
    }

    /// <summary>
    /// The page with its header generated; a page without front matter gets it added, a missing page
    /// (<paramref name="page"/> null) is a skeleton with the required sections to fill in.
    /// </summary>
    public static string Page(RuleDescriptor descriptor, string? page)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        if (page is null)
        {
            var skeleton = new StringBuilder(PageHeader(descriptor));
            foreach (var section in PageSections)
            {
                skeleton.Append("\n## ").Append(section).Append("\nTODO\n");
            }

            return WithFacts(descriptor, skeleton.ToString());
        }

        var lines = page.Split('\n');
        var index = 0;
        if (lines[0] == "---")
        {
            var end = Array.IndexOf(lines, "---", 1);
            index = end < 0 ? 0 : end + 1;
        }

        if (index < lines.Length && lines[index].StartsWith("# ", StringComparison.Ordinal))
        {
            index++;
        }

        return WithFacts(descriptor, PageHeader(descriptor) + string.Join('\n', lines[index..]));
    }

    /// <summary>The rows of a page's runtime facts table: what the runtime does, for which releases, and where that is written.</summary>
    public static IEnumerable<string> FactsTable(RuleDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return
        [
            "| Fact | Tool | Releases | What it does | Source |",
            "| --- | --- | --- | --- | --- |",
            .. descriptor.RuntimeFacts.Select(f =>
                $"| `{f.Id}` | {ToolName(f.Tool)} | {f.Versions} | {Cell(f.Statement)} | {Cell(f.Source)}"
                + (f.Commit is null ? string.Empty : $" Commit: {Cell(f.Commit)}.")
                + (f.Verified is null ? string.Empty : $" Verified on Debian 12: {Cell(f.Verified)}.") + " |"),
        ];
    }

    /// <summary>
    /// The page with its runtime facts table generated: replaced between its markers, or added as a section before
    /// "How to suppress" when the rule relies on facts and the page has no table yet.
    /// </summary>
    private static string WithFacts(RuleDescriptor descriptor, string page)
    {
        var lines = page.Split('\n').ToList();
        if (lines.Contains(FactsStart))
        {
            return ReplaceBetween(page, FactsStart, FactsEnd, FactsTable(descriptor));
        }

        if (descriptor.RuntimeFacts.IsEmpty)
        {
            return page;
        }

        var at = lines.IndexOf("## How to suppress");
        string[] section =
        [
            $"## {FactsSection}",
            "What the rule relies on the runtimes to do, with the releases and where it is written.",
            string.Empty,
            FactsStart,
            .. FactsTable(descriptor),
            FactsEnd,
            string.Empty,
        ];
        lines.InsertRange(at < 0 ? lines.Count : at, section);
        return string.Join('\n', lines);
    }

    private static string ToolName(RuntimeTool tool) => tool switch
    {
        RuntimeTool.Podman => "podman",
        RuntimeTool.PodmanCompose => "podman-compose",
        RuntimeTool.Quadlet => "quadlet",
        RuntimeTool.ComposeV2 => "docker compose",
        RuntimeTool.ComposeV1 => "docker-compose 1.x",
        RuntimeTool.Systemd => "systemd",
        _ => tool.ToString(),
    };

    /// <summary>Text for a table cell: pipes escaped, on one line.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    /// <summary>The table of rules/README.md.</summary>
    public static IEnumerable<string> RulesIndexTable(IEnumerable<RuleDescriptor> descriptors) =>
    [
        "ID | Title | Category | Default severity | Fix",
        "---|---|---|---|---",
        .. descriptors.Select(d => $"[{d.Id}]({d.Id}.md) | {d.Title} | {d.Category} | {d.DefaultSeverity.ToDisplay()} | {(d.IsFixable ? "Yes" : "No")}"),
    ];

    /// <summary>The table of the top-level README.md.</summary>
    public static IEnumerable<string> ReadmeTable(IEnumerable<RuleDescriptor> descriptors) =>
    [
        "| ID | Title | Default | Fix |",
        "| --- | --- | --- | --- |",
        .. descriptors.Select(d => $"| [{d.Id}](rules/{d.Id}.md) | {d.Title} | {d.DefaultSeverity.ToDisplay()} | {(d.IsFixable ? "yes" : "no")} |"),
    ];

    /// <summary>A row of the "New Rules" table of rules/AnalyzerReleases.Unshipped.md (Roslyn's release tracking format).</summary>
    public static string ReleaseRow(RuleDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return $"{descriptor.Id} | {descriptor.Category} | {descriptor.DefaultSeverity} | {descriptor.Title}";
    }

    /// <summary>Replaces the lines between the lines <paramref name="start"/> and <paramref name="end"/> (both kept).</summary>
    public static string ReplaceBetween(string text, string start, string end, IEnumerable<string> replacement)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n').ToList();
        var from = lines.IndexOf(start);
        var to = from < 0 ? -1 : lines.IndexOf(end, from + 1);
        if (to < 0)
        {
            throw new InvalidOperationException($"The generated block must be enclosed by the lines\n{start}\n{end}");
        }

        lines.RemoveRange(from + 1, to - from - 1);
        lines.InsertRange(from + 1, replacement);
        return string.Join('\n', lines);
    }

    /// <summary>
    /// Asserts that the checked-in file at <paramref name="path"/> (LF line breaks assumed) reads
    /// <paramref name="expected"/>. When it does not, the failure shows <paramref name="toPaste"/>; with
    /// <see cref="UpdateVariable"/>=1 the file is rewritten and the test passes.
    /// </summary>
    /// <returns>True when the file was rewritten.</returns>
    public static bool AssertUpToDate(string path, string? actual, string expected, string toPaste)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (actual == expected)
        {
            return false;
        }

        var relative = Path.GetRelativePath(Repository.Root, path).Replace('\\', '/');
        if (Updating)
        {
            File.WriteAllText(path, expected, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            TestContext.Out.WriteLine($"Rewrote {relative} from the rule descriptors.");
            return true;
        }

        Assert.Fail(
            $"{relative} does not match the rule descriptors. Rerun with {UpdateVariable}=1 to rewrite it " +
            $"({UpdateVariable}=1 dotnet test --filter FullyQualifiedName~HostNetLint.Tests.Meta), or paste this text:\n\n{toPaste}\n");
        return false;
    }
}
