using System.Collections.Immutable;
using System.Text;
using HostNetLint.Reporting;
using HostNetLint.Reporting.GitHub;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.CiFormats;

/// <summary>The Markdown job summary: text from the files stays literal, and the whole stays far below GitHub's 1 MiB per step.</summary>
[TestFixture]
public sealed class JobSummaryTests
{
    [TestCase("a|b", "a\\|b")]
    [TestCase("[x](javascript:y) <img> *e* `c` @you", "\\[x\\]\\(javascript\\:y\\) \\<img\\> \\*e\\* \\`c\\` \\@you")]
    [TestCase("line\nbreak\u001B[31m", "line\\\\nbreak\\\\u001B\\[31m")]
    [TestCase("ünïcode stays", "ünïcode stays")]
    public void Markdown_from_the_files_is_escaped(string text, string expected)
    {
        Assert.That(MarkdownText.Escape(text), Is.EqualTo(expected));
    }

    [Test]
    public void A_run_with_thousands_of_long_findings_stays_within_the_budget_and_says_how_many_are_shown()
    {
        using var temp = new TempDirectory();
        // Keys stay under YAML's 1024-character limit for simple keys; each message quotes one.
        var name = new string('n', 1000);
        var services = string.Concat(Enumerable.Range(1, 300).Select(i => $"  {name}{i}:\n    image: nginx\n    network_mode: host\n    ports: ['{10000 + i}:{10000 + i}']\n"));
        temp.Write("compose.yaml", "services:\n" + services);
        var diagnostics = Lint.Directory(temp.Path);
        var report = new LintReport { Diagnostics = diagnostics, FileCount = 1, LintedRoot = temp.Path, RepositoryRoot = temp.Path };

        var summary = JobSummaryWriter.Create(report);

        Assert.Multiple(() =>
        {
            Assert.That(diagnostics, Has.Length.GreaterThanOrEqualTo(300));
            Assert.That(Encoding.UTF8.GetByteCount(summary), Is.LessThanOrEqualTo(JobSummaryWriter.MaxBytes));
            Assert.That(summary, Does.Contain($"### The first {JobSummaryWriter.MaxFindingsShown} of {diagnostics.Length} findings"));
            Assert.That(summary.Split('\n').Count(l => l.StartsWith("| warning | [HNL", StringComparison.Ordinal)), Is.EqualTo(JobSummaryWriter.MaxFindingsShown));
            Assert.That(summary, Does.Contain("findings are not annotated; the step log lists every one."));
        });
    }

    [Test]
    public void A_clean_run_says_so_in_one_line()
    {
        var report = new LintReport { Diagnostics = ImmutableArray<HostNetLint.Rules.Diagnostics.Diagnostic>.Empty, FileCount = 2, LintedRoot = Repository.Root, RepositoryRoot = Repository.Root };
        Assert.That(JobSummaryWriter.Create(report), Is.EqualTo("## HostNetLint\n\nNo findings in 2 files.\n"));
    }
}
