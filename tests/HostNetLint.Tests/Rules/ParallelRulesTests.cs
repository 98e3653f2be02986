using System.Text;
using HostNetLint.Model;
using HostNetLint.Rules.Engine;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Rules;

/// <summary>
/// Rules run on several threads when the model is large, each into its own list, joined in catalogue order: the
/// findings, their order, their fixes and their reasons for no fix are those of one thread. Checked on both samples and
/// on ../shared/corpus (ignored, with the reason, when the corpus is absent), whose findings cover every rule family.
/// </summary>
public class ParallelRulesTests
{
    [Test]
    public void The_samples_give_the_same_findings_and_fixes_on_four_threads_as_on_one()
    {
        foreach (var root in new[] { Repository.SampleDeployment, Repository.SampleAirflowStack })
        {
            var (oneThread, fourThreads) = LintBothWays(root);
            Assert.That(fourThreads, Is.EqualTo(oneThread), root);
            Assert.That(oneThread, Does.Contain("HNL1001"), "the sample has findings to compare");
        }
    }

    [Test]
    public void The_corpus_gives_the_same_findings_and_fixes_on_four_threads_as_on_one()
    {
        var (oneThread, fourThreads) = LintBothWays(Corpus.RequireDirectory());

        Assert.That(fourThreads, Is.EqualTo(oneThread));
        Assert.That(oneThread.Split('\n'), Has.Length.GreaterThan(50), "the corpus has findings of many rules to compare");
    }

    private static (string OneThread, string FourThreads) LintBothWays(string root)
    {
        var model = DeploymentModelBuilder.Build(root, [], ModelOptions.Default);
        return (Describe(LintEngine.Analyze(model, LintOptions.Default with { RuleThreads = 1 })),
                Describe(LintEngine.Analyze(model, LintOptions.Default with { RuleThreads = 4 })));
    }

    private static string Describe(LintResult result)
    {
        var text = new StringBuilder();
        foreach (var diagnostic in result.Diagnostics)
        {
            text.Append(diagnostic).Append(" | fixes: ").AppendJoin("; ", diagnostic.Fixes.Select(f => $"{f.Title} ({f.Edits.Length} edits)"))
                .Append(" | no fix: ").Append(diagnostic.NoFixReason).Append('\n');
        }

        foreach (var suppressed in result.Suppressed)
        {
            text.Append("suppressed ").Append(suppressed.Diagnostic).Append('\n');
        }

        return text.ToString();
    }
}
