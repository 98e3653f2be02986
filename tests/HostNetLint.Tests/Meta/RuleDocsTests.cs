using HostNetLint.Fixes;
using HostNetLint.Model.Runtime;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Meta;

/// <summary>
/// The rule pages are test inputs: their front matter and title are generated from the descriptor, every noncompliant example
/// must raise the page's rule and every compliant one must not, so the docs cannot drift from behaviour.
/// </summary>
[TestFixture]
public sealed class RuleDocsTests
{
    private static readonly string[] ExampleKinds = ["noncompliant", "compliant"];

    private static readonly string[] AllExampleKinds = ["noncompliant", "compliant", "fixed"];

    public static IEnumerable<TestCaseData> Rules() =>
        DeclaredRules.Descriptors.Select(d => new TestCaseData(d.Id).SetName($"Page_of_{d.Id}"));

    public static IEnumerable<TestCaseData> Examples() =>
        RulePage.All().SelectMany(p => p.Examples).Where(e => e.Language is "yaml" or "ini")
            .Select(e => new TestCaseData(e).SetName($"{e.RuleId}_{e.Kind}_example_at_line_{e.Line}"));

    /// <summary>The front matter and title are generated from the descriptor (a missing page becomes a skeleton); the sections are written by hand.</summary>
    [TestCaseSource(nameof(Rules))]
    public void Every_rule_has_a_page_whose_front_matter_equals_its_descriptor(string id)
    {
        var descriptor = DeclaredRules.Find(id);
        var path = Path.Combine(Repository.Root, descriptor.HelpPath);
        var page = File.Exists(path) ? File.ReadAllText(path) : null;
        var expected = GeneratedDocs.Page(descriptor, page);
        var toPaste = page is null || descriptor.RuntimeFacts.IsEmpty
            ? expected
            : $"{GeneratedDocs.PageHeader(descriptor)}\n(and under ## {GeneratedDocs.FactsSection})\n{GeneratedDocs.FactsStart}\n{string.Join('\n', GeneratedDocs.FactsTable(descriptor))}\n{GeneratedDocs.FactsEnd}";
        GeneratedDocs.AssertUpToDate(path, page, expected, page is null ? expected : toPaste);
        var headings = RulePage.Load(path).Headings;
        Assert.That(headings, Is.SupersetOf(GeneratedDocs.PageSections));
        Assert.That(headings.Contains(GeneratedDocs.FactsSection), Is.EqualTo(!descriptor.RuntimeFacts.IsEmpty), $"a page has a '{GeneratedDocs.FactsSection}' section exactly when its rule relies on runtime facts");
    }

    /// <summary>Each version fact is documented, with its releases and source, on the page of a rule that relies on it.</summary>
    [Test]
    public void Every_runtime_fact_is_on_the_page_of_a_rule_that_relies_on_it() =>
        Assert.That(
            RuntimeFacts.All.Except(DeclaredRules.Descriptors.SelectMany(d => d.RuntimeFacts)).Select(f => f.Id),
            Is.Empty,
            "facts no rule descriptor lists (runtimeFacts:), so no rule page documents them");

    [TestCaseSource(nameof(Rules))]
    public void Every_rule_outside_the_input_block_has_runnable_examples_of_both_kinds(string id)
    {
        var descriptor = DeclaredRules.Find(id);
        var page = RulePage.Load(Path.Combine(Repository.Root, descriptor.HelpPath));
        var kinds = page.Examples.Select(e => e.Kind).ToHashSet();
        if (descriptor.Category == RuleCategory.Input)
        {
            Assert.That(kinds, Is.SubsetOf(ExampleKinds));
            return;
        }

        Assert.That(kinds, Is.SupersetOf(ExampleKinds), $"{page.Path} needs a noncompliant and a compliant example");
        Assert.That(kinds, Is.SubsetOf(AllExampleKinds));
        Assert.That(kinds.Contains("fixed"), Is.EqualTo(descriptor.IsFixable), $"{page.Path}: a fixable rule shows its fix in a 'fixed' block, and only a fixable rule has one");
    }

    [TestCaseSource(nameof(Examples))]
    public void Example_behaves_as_its_page_says(RuleExample example)
    {
        var diagnostics = LintExample(example.Files);
        var ofRule = diagnostics.Where(d => d.Id == example.RuleId).ToList();
        var all = "Findings:\n" + string.Join('\n', diagnostics);
        switch (example.Kind)
        {
            case "noncompliant":
                Assert.That(ofRule, Is.Not.Empty, $"{example} raises no {example.RuleId}. {all}");
                break;
            case "compliant" or "fixed":
                Assert.That(ofRule, Is.Empty, $"{example} raises {example.RuleId}. {all}");
                break;
            default:
                Assert.Fail($"Unknown example kind '{example.Kind}' in {example}");
                break;
        }
    }

    public static IEnumerable<TestCaseData> NoncompliantExamples() =>
        RulePage.All().SelectMany(p => p.Examples).Where(e => e.Kind == "noncompliant" && e.Language is "yaml" or "ini")
            .Select(e => new TestCaseData(e).SetName($"{e.RuleId}_noncompliant_example_at_line_{e.Line}_when_lines_move"));

    /// <summary>
    /// Findings keep their identity (rule, file, finding path), and so their fingerprints, when comment lines
    /// are added above them: no rule may put a line, a column or a message that names one into its finding path.
    /// </summary>
    [TestCaseSource(nameof(NoncompliantExamples))]
    public void Finding_identities_do_not_change_when_lines_move(RuleExample example)
    {
        static List<string> Identities(IEnumerable<Diagnostic> diagnostics) =>
            [.. diagnostics.Select(d => $"{d.Id} {d.Location.Path} {d.LogicalPath}").Order(StringComparer.Ordinal)];

        // One directory for both runs: a compose project is named after its directory.
        using var temp = new TempDirectory();
        WriteAll(temp, example.Files);
        var before = Lint.Configured(temp.Path);
        WriteAll(temp, example.Files.Select(f => (f.Path, "# two lines\n# above\n" + f.Text)));
        var after = Lint.Configured(temp.Path);
        Assert.That(Identities(after), Is.EqualTo(Identities(before)));
    }

    public static IEnumerable<TestCaseData> FixedExamples(string language) =>
        RulePage.All().SelectMany(p => p.Examples).Where(e => e.Kind == "fixed" && e.Language == language)
            .Select(e => new TestCaseData(e).SetName($"{e.RuleId}_fixed_example_at_line_{e.Line}"));

    /// <summary>The page's fix, byte for byte: fix-all of the page's rule on its first noncompliant example of the same file.</summary>
    [TestCaseSource(nameof(FixedExamples), new object[] { "yaml" })]
    public void Fixed_example_is_what_fix_all_makes_of_the_first_noncompliant_one(RuleExample example) =>
        Assert.That(FixFirstNoncompliant(example), Is.EqualTo(example.Text));

    [TestCaseSource(nameof(FixedExamples), new object[] { "ini" })]
    public void Fixed_unit_example_is_what_fix_all_makes_of_the_first_noncompliant_one(RuleExample example) =>
        Assert.That(FixFirstNoncompliant(example), Is.EqualTo(example.Text));

    private static string FixFirstNoncompliant(RuleExample example)
    {
        var page = RulePage.Load(Path.Combine(Repository.Root, "rules", example.RuleId + ".md"));
        var before = page.Examples.First(e => e.Kind == "noncompliant" && e.Path == example.Path);
        using var temp = new TempDirectory();
        WriteAll(temp, before.Files);
        var result = FixAllEngine.Run(temp.Path, [], FixOptions.Default with { Rules = [example.RuleId] });
        return result.Files.SingleOrDefault(f => f.Path == before.Path)?.NewText ?? before.Text;
    }

    /// <summary>The example's files linted together, with the settings of its hostnetlint.yaml when it has one.</summary>
    private static System.Collections.Immutable.ImmutableArray<Diagnostic> LintExample(IEnumerable<(string Path, string Text)> files)
    {
        using var temp = new TempDirectory();
        WriteAll(temp, files);
        return Lint.Configured(temp.Path);
    }

    private static void WriteAll(TempDirectory temp, IEnumerable<(string Path, string Text)> files)
    {
        foreach (var (path, text) in files)
        {
            temp.Write(path, text);
        }
    }
}
