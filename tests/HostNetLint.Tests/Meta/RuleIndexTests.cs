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

    /// <summary>
    /// The schema does not list rule IDs (adding a rule would mean editing it): it accepts the HNLxxxx shape as a
    /// severity key, and the configuration loader rejects IDs no descriptor has. Every descriptor's ID must fit the shape.
    /// </summary>
    [Test]
    public void The_configuration_schema_accepts_every_rule_ID_as_a_severity_key()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Repository.ConfigurationSchema))!;
        var pattern = schema["properties"]!["severity"]!["propertyNames"]!["pattern"]!.GetValue<string>();
        var regex = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        Assert.That(
            DeclaredRules.Descriptors.SelectMany(d => new[] { d.Id, d.Id.ToLowerInvariant() }).Where(id => !regex.IsMatch(id)),
            Is.Empty);
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
