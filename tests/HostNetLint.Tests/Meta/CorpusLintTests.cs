using System.Text.RegularExpressions;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Meta;

/// <summary>
/// The whole engine over real files nobody on the team wrote (../shared/corpus): no crash, no hang,
/// and no false alarm where the files give no reason for one. Ignored, with the reason, when the corpus is absent.
/// </summary>
[TestFixture]
public sealed partial class CorpusLintTests
{
    [Test]
    public void Compose_files_without_a_libvirt_signal_raise_no_HNL1001()
    {
        var corpus = Corpus.RequireDirectory();
        var diagnostics = Lint.Directory(corpus);
        var composeFiles = Corpus.Files(".yml", ".yaml");
        Assert.That(composeFiles, Is.Not.Empty);

        var withoutSignal = composeFiles
            .Where(path => !LibvirtWords().IsMatch(File.ReadAllText(path)))
            .Select(path => Path.GetRelativePath(corpus, path).Replace('\\', '/'))
            .ToHashSet(StringComparer.Ordinal);
        var falseAlarms = diagnostics.Where(d => d.Id == "HNL1001" && withoutSignal.Contains(d.Location.Path)).ToList();
        Assert.That(falseAlarms, Is.Empty, string.Join('\n', falseAlarms));
    }

    [Test]
    public void Units_and_quadlets_of_the_corpus_raise_no_ordering_finding()
    {
        var corpus = Corpus.RequireDirectory();
        var ordering = Lint.Directory(corpus).Where(d => d.Id.StartsWith("HNL2", StringComparison.Ordinal)).ToList();
        Assert.That(ordering, Is.Empty, string.Join('\n', ordering));
    }

    [Test]
    public void Every_finding_on_the_corpus_has_a_span_inside_its_file()
    {
        var diagnostics = Lint.Directory(Corpus.RequireDirectory());
        Assert.That(diagnostics, Is.Not.Empty, "the corpus has known findings (obsolete version keys)");
        foreach (var diagnostic in diagnostics)
        {
            Assert.That(diagnostic.Location.Span.End, Is.LessThanOrEqualTo(diagnostic.Location.Source.Length), diagnostic.ToString());
        }
    }

    [GeneratedRegex(@"libvirt|virsh|kcli|qemu(\+\w+)?://|192\.168\.122\.|io\.hostnetlint\.vm-access", RegexOptions.IgnoreCase)]
    private static partial Regex LibvirtWords();
}
