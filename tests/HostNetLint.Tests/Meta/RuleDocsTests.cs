using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Meta;

/// <summary>
/// The rule pages are test inputs: front matter must equal the descriptor, every noncompliant example
/// must raise the page's rule and every compliant one must not, so the docs cannot drift from behaviour.
/// </summary>
[TestFixture]
public sealed class RuleDocsTests
{
    private static readonly string[] RequiredSections = ["Cause", "Rule description", "How to fix", "How to suppress"];

    private static readonly string[] ExampleKinds = ["noncompliant", "compliant"];

    public static IEnumerable<TestCaseData> Rules() =>
        RuleCatalog.All.Select(r => new TestCaseData(r.Descriptor.Id).SetName($"Page_of_{r.Descriptor.Id}"));

    public static IEnumerable<TestCaseData> Examples() =>
        RulePage.All().SelectMany(p => p.Examples).Where(e => e.Language is "yaml" or "ini")
            .Select(e => new TestCaseData(e).SetName($"{e.RuleId}_{e.Kind}_example_at_line_{e.Line}"));

    [TestCaseSource(nameof(Rules))]
    public void Every_rule_has_a_page_whose_front_matter_equals_its_descriptor(string id)
    {
        var descriptor = RuleCatalog.Find(id)!.Descriptor;
        var path = Path.Combine(Repository.Root, descriptor.HelpPath);
        Assert.That(File.Exists(path), Is.True, $"{descriptor.HelpPath} is missing");
        var page = RulePage.Load(path);
        Assert.Multiple(() =>
        {
            Assert.That(page.FrontMatter.GetValueOrDefault("id"), Is.EqualTo(descriptor.Id));
            Assert.That(page.FrontMatter.GetValueOrDefault("title"), Is.EqualTo(descriptor.Title));
            Assert.That(page.FrontMatter.GetValueOrDefault("category"), Is.EqualTo(descriptor.Category.ToString()));
            Assert.That(page.FrontMatter.GetValueOrDefault("severity"), Is.EqualTo(descriptor.DefaultSeverity.ToDisplay()));
            Assert.That(page.FrontMatter.GetValueOrDefault("fixable"), Is.EqualTo(descriptor.IsFixable ? "true" : "false"));
            Assert.That(page.Headings, Is.SupersetOf(RequiredSections));
        });
    }

    [TestCaseSource(nameof(Rules))]
    public void Every_rule_outside_the_input_block_has_runnable_examples_of_both_kinds(string id)
    {
        var descriptor = RuleCatalog.Find(id)!.Descriptor;
        var page = RulePage.Load(Path.Combine(Repository.Root, descriptor.HelpPath));
        var kinds = page.Examples.Select(e => e.Kind).ToHashSet();
        if (descriptor.Category == RuleCategory.Input)
        {
            Assert.That(kinds, Is.SubsetOf(ExampleKinds));
            return;
        }

        Assert.That(kinds, Is.SupersetOf(ExampleKinds), $"{page.Path} needs a noncompliant and a compliant example");
    }

    [TestCaseSource(nameof(Examples))]
    public void Example_behaves_as_its_page_says(RuleExample example)
    {
        var diagnostics = Lint.Files((example.Path, example.Text));
        var ofRule = diagnostics.Where(d => d.Id == example.RuleId).ToList();
        var all = "Findings:\n" + string.Join('\n', diagnostics);
        switch (example.Kind)
        {
            case "noncompliant":
                Assert.That(ofRule, Is.Not.Empty, $"{example} raises no {example.RuleId}. {all}");
                break;
            case "compliant":
                Assert.That(ofRule, Is.Empty, $"{example} raises {example.RuleId}. {all}");
                break;
            default:
                Assert.Fail($"Unknown example kind '{example.Kind}' in {example}");
                break;
        }
    }
}
