using System.Text.RegularExpressions;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Meta;

/// <summary>Checks over every rule (StyleCop's meta-tests): registration, IDs, texts, code scanning traits, test classes, empty input.</summary>
[TestFixture]
public sealed partial class RuleCatalogTests
{
    public static IEnumerable<TestCaseData> Descriptors() =>
        RuleCatalog.Descriptors.Select(d => new TestCaseData(d).SetName($"{{m}}({d.Id})"));

    /// <summary>The catalogue's list of rules is generated from the rule types (HOSTNETLINT_UPDATE_DOCS=1 rewrites RuleCatalog.cs).</summary>
    [Test]
    public void Every_rule_type_is_in_the_catalogue_once()
    {
        var path = Path.Combine(Repository.Root, "src", "HostNetLint.Rules", "Engine", "RuleCatalog.cs");
        var text = File.ReadAllText(path);
        var rows = DeclaredRules.Rules.Select(r => $"        new {r.Type.Namespace!["HostNetLint.Rules.".Length..]}.{r.Type.Name}(),").ToList();
        var expected = GeneratedDocs.ReplaceBetween(text, "    public static ImmutableArray<Rule> Rules { get; } =", "    ];", ["    [", .. rows]);
        if (GeneratedDocs.AssertUpToDate(path, text, expected, string.Join('\n', rows)))
        {
            Assert.Inconclusive("RuleCatalog.cs was rewritten; rebuild and run again to check the compiled catalogue.");
        }

        Assert.That(RuleCatalog.Rules.Select(r => r.GetType()), Is.EqualTo(DeclaredRules.Rules.Select(r => r.Type)));
    }

    /// <summary>A descriptor declared anywhere (a rule's, or one the engine reports itself) is in the catalogue, so docs, SARIF and configuration know it.</summary>
    [Test]
    public void Every_descriptor_is_in_the_catalogue_once_and_no_rule_stands_in_for_one()
    {
        Assert.Multiple(() =>
        {
            Assert.That(RuleCatalog.Descriptors, Is.EqualTo(DeclaredRules.Descriptors), "RuleCatalog.Descriptors are its rules' and the engine's own; rebuild after HOSTNETLINT_UPDATE_DOCS=1 rewrote RuleCatalog.cs");
            Assert.That(RuleCatalog.Descriptors.Select(d => d.Id), Is.Unique);
            Assert.That(RuleCatalog.Rules.Select(r => r.Descriptor), Is.SubsetOf(RuleCatalog.Descriptors));
        });
    }

    [TestCaseSource(nameof(Descriptors))]
    public void Id_is_in_its_category_block(RuleDescriptor descriptor)
    {
        var ranges = File.ReadAllLines(Path.Combine(Repository.RulesDirectory, "id-ranges.txt"))
            .Select(l => RangeLine().Match(l)).Where(m => m.Success)
            .ToDictionary(m => m.Groups["cat"].Value, m => (From: m.Groups["from"].Value, To: m.Groups["to"].Value));
        var range = ranges[descriptor.Category.ToString()];
        Assert.That(string.CompareOrdinal(descriptor.Id, range.From) >= 0 && string.CompareOrdinal(descriptor.Id, range.To) <= 0, Is.True, $"{descriptor.Id} outside {range}");
    }

    [TestCaseSource(nameof(Descriptors))]
    public void Texts_follow_the_descriptor_conventions(RuleDescriptor d)
    {
        Assert.Multiple(() =>
        {
            Assert.That(d.Title, Does.Not.EndWith(".").And.Not.Contain("\n").And.EqualTo(d.Title.Trim()), "RS1031: title");
            Assert.That(d.MessageFormat, Does.Not.Contain("\n"), "RS1032: message");
            Assert.That(d.Description, Does.EndWith("."), "RS1033: description ends in punctuation");
            Assert.That(d.HelpUri().AbsoluteUri, Does.EndWith($"/rules/{d.Id}.md"));
            Assert.That(d.IsFixable || !string.IsNullOrWhiteSpace(d.NoFixReason), Is.True);
        });
    }

    /// <summary>Code scanning filters alerts by tag; a rule with none could not be found that way.</summary>
    [TestCaseSource(nameof(Descriptors))]
    public void Tags_are_lower_case_and_present(RuleDescriptor d) =>
        Assert.That(d.Tags, Is.Not.Empty.And.Unique.And.All.Matches<string>(t => t.Length > 0 && !t.Any(char.IsUpper)));

    [Test]
    public void A_security_severity_needs_the_security_tag_and_a_score_from_0_1_to_10()
    {
        static RuleDescriptor Create(decimal score, params string[] tags) =>
            RuleDescriptor.Create("HNL1999", "t", "m", RuleCategory.Networking, Severity.Warning, "d.", tags: tags, securitySeverity: score);

        Assert.Multiple(() =>
        {
            Assert.That(() => Create(6.5m, "networking"), Throws.ArgumentException);
            Assert.That(() => Create(0m, "security"), Throws.ArgumentException);
            Assert.That(() => Create(10.1m, "security"), Throws.ArgumentException);
            Assert.That(Create(10m, "security").SecuritySeverity, Is.EqualTo(10m));
        });
    }

    [Test]
    public void Precision_and_tags_default_to_the_category()
    {
        var descriptor = RuleDescriptor.Create("HNL2999", "t", "m", RuleCategory.UnitOrdering, Severity.Warning, "d.");
        Assert.Multiple(() =>
        {
            Assert.That(descriptor.Precision, Is.EqualTo(RulePrecision.High));
            Assert.That(descriptor.Tags, Is.EqualTo(new[] { "systemd", "reliability" }));
            Assert.That(descriptor.SecuritySeverity, Is.Null);
        });
    }

    [TestCaseSource(nameof(Descriptors))]
    public void Rule_has_a_test_class(RuleDescriptor descriptor)
    {
        var name = $"{descriptor.Id}Tests";
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
