using System.Text.RegularExpressions;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Meta;

/// <summary>Checks over every rule (StyleCop's meta-tests): registration, IDs, texts, release tracking, empty input.</summary>
[TestFixture]
public sealed partial class RuleCatalogTests
{
    public static IEnumerable<TestCaseData> Rules() =>
        RuleCatalog.All.Select(r => new TestCaseData(r).SetName($"{{m}}({r.Descriptor.Id})"));

    [Test]
    public void Every_rule_type_is_in_the_catalogue_once()
    {
        var types = typeof(Rule).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Rule)) && !t.IsAbstract).ToList();
        Assert.That(RuleCatalog.All.Select(r => r.GetType()), Is.EquivalentTo(types));
        Assert.That(RuleCatalog.All.Select(r => r.Descriptor.Id), Is.Unique.And.Ordered);
    }

    [TestCaseSource(nameof(Rules))]
    public void Id_is_in_its_category_block(Rule rule)
    {
        var ranges = File.ReadAllLines(Path.Combine(Repository.RulesDirectory, "id-ranges.txt"))
            .Select(l => RangeLine().Match(l)).Where(m => m.Success)
            .ToDictionary(m => m.Groups["cat"].Value, m => (From: m.Groups["from"].Value, To: m.Groups["to"].Value));
        var range = ranges[rule.Descriptor.Category.ToString()];
        Assert.That(string.CompareOrdinal(rule.Descriptor.Id, range.From) >= 0 && string.CompareOrdinal(rule.Descriptor.Id, range.To) <= 0, Is.True, $"{rule.Descriptor.Id} outside {range}");
    }

    [TestCaseSource(nameof(Rules))]
    public void Texts_follow_the_descriptor_conventions(Rule rule)
    {
        var d = rule.Descriptor;
        Assert.Multiple(() =>
        {
            Assert.That(d.Title, Does.Not.EndWith(".").And.Not.Contain("\n").And.EqualTo(d.Title.Trim()), "RS1031: title");
            Assert.That(d.MessageFormat, Does.Not.Contain("\n"), "RS1032: message");
            Assert.That(d.Description, Does.EndWith("."), "RS1033: description ends in punctuation");
            Assert.That(d.HelpUri().AbsoluteUri, Does.EndWith($"/rules/{d.Id}.md"));
            Assert.That(d.IsFixable || !string.IsNullOrWhiteSpace(d.NoFixReason), Is.True);
        });
    }

    [TestCaseSource(nameof(Rules))]
    public void Rule_is_listed_in_the_unshipped_release_with_its_category_and_severity(Rule rule)
    {
        var rows = File.ReadAllLines(Path.Combine(Repository.RulesDirectory, "AnalyzerReleases.Unshipped.md"))
            .Concat(File.ReadAllLines(Path.Combine(Repository.RulesDirectory, "AnalyzerReleases.Shipped.md")))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .Where(cells => cells.Length >= 3 && cells[0] == rule.Descriptor.Id)
            .ToList();
        Assert.That(rows, Has.Count.EqualTo(1), $"{rule.Descriptor.Id} must be listed exactly once");
        var severity = rule.Descriptor.DefaultSeverity.ToString();
        Assert.That(rows[0][1..3], Is.EqualTo(new[] { rule.Descriptor.Category.ToString(), severity }));
    }

    [TestCaseSource(nameof(Rules))]
    public void Rule_has_a_test_class(Rule rule)
    {
        var name = $"{rule.Descriptor.Id}Tests";
        Assert.That(typeof(RuleCatalogTests).Assembly.GetTypes().Any(t => t.Name == name), Is.True, $"no {name} class");
    }

    [TestCase("")]
    [TestCase("# only a comment\n")]
    [TestCase("services: {}\n")]
    [TestCase("services:\n  web:\n    image: nginx\n")]
    public void Benign_input_raises_nothing(string compose)
    {
        Assert.That(Lint.Files(("compose.yaml", compose)), Is.Empty);
    }

    [GeneratedRegex(@"^(?<cat>\w+):\s*(?<from>HNL\d{4})-(?<to>HNL\d{4})")]
    private static partial Regex RangeLine();
}
