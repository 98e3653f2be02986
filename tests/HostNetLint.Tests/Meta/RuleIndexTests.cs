using System.Text.Json.Nodes;
using HostNetLint.Rules.Engine;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Meta;

/// <summary>
/// Every list of rules outside the code is generated from the descriptors and checked here: the rule
/// tables people read (rules/README.md, README.md), the rule IDs the configuration schema accepts, and
/// release tracking. A failure prints the text to paste; HOSTNETLINT_UPDATE_DOCS=1 rewrites the file.
/// </summary>
[TestFixture]
public sealed class RuleIndexTests
{
    [Test]
    public void The_rules_index_lists_every_rule_with_its_title_category_severity_and_fix() =>
        AssertTable(Path.Combine(Repository.RulesDirectory, "README.md"), GeneratedDocs.RulesIndexTable(DeclaredRules.Descriptors));

    [Test]
    public void The_top_level_README_lists_every_rule_with_its_title() =>
        AssertTable(Path.Combine(Repository.Root, "README.md"), GeneratedDocs.ReadmeTable(DeclaredRules.Descriptors));

    [Test]
    public void The_configuration_schema_accepts_exactly_the_rule_IDs_as_severity_keys()
    {
        var path = Repository.ConfigurationSchema;
        var text = File.ReadAllText(path);
        var ids = GeneratedDocs.SchemaRuleIds(DeclaredRules.Descriptors).ToList();
        var listed = JsonNode.Parse(text)!["properties"]!["severity"]!["propertyNames"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        if (listed.SequenceEqual(ids, StringComparer.Ordinal))
        {
            return;
        }

        // Rewrite only the array (severity's "propertyNames" enum), indented like the file around it.
        const string Key = "\"enum\": [";
        var severity = text.IndexOf("\"severity\": {", StringComparison.Ordinal);
        var key = text.IndexOf(Key, text.IndexOf("\"propertyNames\"", severity, StringComparison.Ordinal), StringComparison.Ordinal);
        var indent = new string(' ', key - (text.LastIndexOf('\n', key) + 1));
        var start = key + Key.Length;
        var end = text.IndexOf(']', start);
        var array = "\n" + string.Join(",\n", ids.Select(id => $"{indent}  \"{id}\"")) + "\n" + indent;
        GeneratedDocs.AssertUpToDate(path, text, string.Concat(text.AsSpan(0, start), array, text.AsSpan(end)), Key + array + "]");
    }

    /// <summary>
    /// Roslyn's release tracking: a rule is listed once, in the shipped release or among the new rules of
    /// the unshipped one. Shipped rows are history and stay as written; the unshipped rows are generated.
    /// </summary>
    [Test]
    public void Every_rule_is_listed_once_in_the_releases_with_its_category_and_severity()
    {
        var shippedPath = Path.Combine(Repository.RulesDirectory, "AnalyzerReleases.Shipped.md");
        var shipped = ReleaseRows(File.ReadAllText(shippedPath)).ToList();
        Assert.That(shipped.Select(Id).Except(DeclaredRules.Descriptors.Select(d => d.Id)), Is.Empty, "a shipped rule is never removed or renumbered");

        var path = Path.Combine(Repository.RulesDirectory, "AnalyzerReleases.Unshipped.md");
        var text = File.ReadAllText(path);
        var rows = DeclaredRules.Descriptors.Where(d => !shipped.Select(Id).Contains(d.Id)).Select(GeneratedDocs.ReleaseRow).ToList();
        var lines = text.Split('\n').ToList();
        var header = lines.FindIndex(l => l.StartsWith("--------|", StringComparison.Ordinal));
        Assert.That(header, Is.GreaterThan(0), $"{path} has no 'New Rules' table");
        var end = lines.FindIndex(header + 1, l => !l.Contains('|', StringComparison.Ordinal));
        lines.RemoveRange(header + 1, (end < 0 ? lines.Count : end) - header - 1);
        lines.InsertRange(header + 1, rows);
        GeneratedDocs.AssertUpToDate(path, text, string.Join('\n', lines), string.Join('\n', rows));
    }

    private static IEnumerable<string> ReleaseRows(string text) =>
        text.Split('\n').Where(l => l.StartsWith("HNL", StringComparison.Ordinal) && l.Contains('|', StringComparison.Ordinal));

    private static string Id(string row) => row.Split('|', StringSplitOptions.TrimEntries)[0];

    private static void AssertTable(string path, IEnumerable<string> table)
    {
        var text = File.ReadAllText(path);
        var rows = table.ToList();
        GeneratedDocs.AssertUpToDate(
            path,
            text,
            GeneratedDocs.ReplaceBetween(text, GeneratedDocs.TableStart, GeneratedDocs.TableEnd, rows),
            string.Join('\n', [GeneratedDocs.TableStart, .. rows, GeneratedDocs.TableEnd]));
    }
}
