using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Meta;

/// <summary>The rule tables people read (rules/README.md, README.md) list every rule with its current title and defaults.</summary>
[TestFixture]
public sealed class RuleIndexTests
{
    public static IEnumerable<TestCaseData> Rules() =>
        RuleCatalog.All.Select(r => new TestCaseData(r.Descriptor).SetName($"{{m}}({r.Descriptor.Id})"));

    [TestCaseSource(nameof(Rules))]
    public void The_rules_index_lists_the_rule_with_its_title_category_severity_and_fix(RuleDescriptor descriptor)
    {
        var expected = $"[{descriptor.Id}]({descriptor.Id}.md) | {descriptor.Title} | {descriptor.Category} | {descriptor.DefaultSeverity.ToDisplay()} | {(descriptor.IsFixable ? "Yes" : "No")}";
        Assert.That(File.ReadAllLines(Path.Combine(Repository.RulesDirectory, "README.md")), Does.Contain(expected));
    }

    [TestCaseSource(nameof(Rules))]
    public void The_top_level_README_lists_the_rule_with_its_title(RuleDescriptor descriptor)
    {
        var expected = $"| [{descriptor.Id}](rules/{descriptor.Id}.md) | {descriptor.Title} | {descriptor.DefaultSeverity.ToDisplay()} | {(descriptor.IsFixable ? "yes" : "no")} |";
        Assert.That(File.ReadAllLines(Path.Combine(Repository.Root, "README.md")), Does.Contain(expected));
    }
}
