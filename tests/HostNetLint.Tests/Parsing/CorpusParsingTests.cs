using System.Diagnostics;
using HostNetLint.Parsing;
using HostNetLint.Parsing.Text;
using HostNetLint.Parsing.Yaml;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Parsing;

public sealed class CorpusParsingTests
{
    [Test]
    public void Every_YAML_file_in_the_shared_corpus_parses_without_an_exception_and_quickly()
    {
        var files = Corpus.Files(".yml", ".yaml");
        Assert.That(files, Is.Not.Empty, "the corpus has YAML files");

        var incomplete = new List<string>();
        Assert.Multiple(() =>
        {
            foreach (var path in files)
            {
                var name = Corpus.RelativePath(path);
                var watch = Stopwatch.StartNew();
                YamlSyntaxTree? tree = null;
                Assert.That(() => tree = YamlSyntaxTree.Parse(SourceText.Decode(File.ReadAllBytes(path), name)), Throws.Nothing, name);
                Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)), name);
                if (tree is null)
                {
                    continue;
                }

                foreach (var problem in tree.Problems)
                {
                    Assert.That(problem.Span.End, Is.InRange(problem.Span.Start, tree.Text.Length), $"{name}: {problem.Message}");
                }

                if (!tree.IsComplete)
                {
                    incomplete.Add($"{new Location(tree.Text, tree.Problems[0].Span)}: {tree.Problems[0].Message}");
                }
            }
        });

        // Real files may be broken on purpose; list them so a regression that breaks many shows up.
        TestContext.Out.WriteLine($"{files.Count} files, {incomplete.Count} not parsed completely:");
        foreach (var line in incomplete)
        {
            TestContext.Out.WriteLine("  " + line);
        }
    }

    [Test]
    public void Every_YAML_file_in_the_shared_corpus_except_the_deliberate_parse_error_parses_completely()
    {
        // PyYAML agrees: only the fixture under parse-error/ is malformed; a failure elsewhere is a parser bug.
        var files = Corpus.Files(".yml", ".yaml").Where(path => !path.Contains("/parse-error/", StringComparison.Ordinal)).ToList();

        Assert.Multiple(() =>
        {
            foreach (var path in files)
            {
                var tree = YamlSyntaxTree.Parse(SourceText.Decode(File.ReadAllBytes(path), Corpus.RelativePath(path)));
                var first = tree.Problems.FirstOrDefault(p => p.Kind != ParseProblemKind.DuplicateKey);
                Assert.That(tree.IsComplete, Is.True, () => $"{new Location(tree.Text, first?.Span ?? default)}: {first?.Message}");
            }
        });
    }
}
