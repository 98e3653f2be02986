using HostNetLint.Parsing;
using HostNetLint.Parsing.Systemd;
using HostNetLint.Parsing.Text;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Parsing.Systemd;

/// <summary>
/// Runs the parser over the shared public corpus (Debian 12 units, Podman's quadlet test files). The corpus is
/// read in place, never copied; without it the tests are ignored.
/// </summary>
[TestFixture]
public sealed class UnitFileCorpusTests
{
    private static readonly string[] Extensions = [".service", ".socket", ".timer", ".container", ".pod", ".kube", ".network", ".volume", ".conf"];

    [Test]
    public void Debian_units_parse_without_syntax_problems_and_their_exec_lines_split_cleanly()
    {
        var files = CorpusFiles("debian-units");
        var failures = new List<string>();
        foreach (var (path, syntax) in files.Select(Parse))
        {
            failures.AddRange(syntax.Problems.Select(p => $"{new Location(syntax.Text, p.Span)}: {p.Kind}: {p.Message}"));
            foreach (var entry in syntax.Sections.SelectMany(s => s.Entries).Where(e => e.Key.StartsWith("Exec", StringComparison.Ordinal) && e.SectionName == "Service"))
            {
                var exec = ExecCommandLine.Parse(entry);
                failures.AddRange(exec.Problems.Select(p => $"{new Location(syntax.Text, p.Span)}: {p.Message}"));
            }

            if (!syntax.IsComplete)
            {
                failures.Add(path + ": incomplete");
            }
        }

        Assert.That(files, Is.Not.Empty);
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Podman_quadlet_and_unit_files_parse_without_exceptions_and_with_spans_inside_the_text()
    {
        var files = CorpusFiles("containers+podman");
        var failures = new List<string>();
        foreach (var (path, syntax) in files.Select(Parse))
        {
            var length = syntax.Text.Length;
            var spans = syntax.Problems.Select(p => p.Span)
                .Concat(syntax.Sections.SelectMany(s => s.Entries).Select(e => e.FullSpan))
                .Concat(syntax.Sections.SelectMany(s => s.Entries).Where(e => e.Key.StartsWith("Exec", StringComparison.Ordinal)).SelectMany(e => ExecCommandLine.Parse(e).Commands.Select(c => c.Span)));
            if (spans.Any(s => s.End > length))
            {
                failures.Add(path);
            }
        }

        Assert.That(files, Is.Not.Empty);
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void The_manifest_kinds_agree_with_the_classification()
    {
        var corpus = CorpusDirectory();
        if (!File.Exists(Path.Combine(corpus, "MANIFEST.tsv")))
        {
            Assert.Ignore($"The corpus at {corpus} has no MANIFEST.tsv.");
        }

        var failures = new List<string>();
        var checkedFiles = 0;
        foreach (var line in File.ReadLines(Path.Combine(corpus, "MANIFEST.tsv")).Skip(1))
        {
            var columns = line.Split('\t');
            if (columns.Length < 6 || !File.Exists(Path.Combine(corpus, columns[0])))
            {
                continue;
            }

            UnitFileKind? expected = columns[5] switch
            {
                "not-systemd-dbus-activation" => UnitFileKind.DBusService,
                "systemd-unit" when columns[0].EndsWith(".service", StringComparison.Ordinal) => UnitFileKind.SystemdUnit,
                "quadlet" when !columns[0].EndsWith(".network", StringComparison.Ordinal) && Extensions.Contains(Path.GetExtension(columns[0])) => UnitFileKind.Quadlet,
                "systemd-dropin" or "quadlet-dropin" when columns[0].EndsWith(".conf", StringComparison.Ordinal) => UnitFileKind.DropIn,
                _ => null,
            };
            if (expected is null)
            {
                continue;
            }

            var (_, syntax) = Parse(Path.Combine(corpus, columns[0]));
            var actual = UnitFileSyntax.Classify(Path.GetFileName(columns[0]), syntax);
            checkedFiles++;
            if (actual != expected)
            {
                failures.Add($"{columns[0]}: {actual}, expected {expected}");
            }
        }

        Assert.That(checkedFiles, Is.GreaterThan(0));
        Assert.That(failures, Is.Empty);
    }

    private static (string Path, UnitFileSyntax Syntax) Parse(string path) =>
        (path, UnitFileSyntax.Parse(SourceText.Decode(File.ReadAllBytes(path), path), UnitFileSyntax.DialectFor(path)));

    private static List<string> CorpusFiles(string subdirectory)
    {
        var directory = Path.Combine(CorpusDirectory(), subdirectory);
        if (!Directory.Exists(directory))
        {
            Assert.Ignore($"The corpus has no {subdirectory} directory ({directory}).");
        }

        // File.Exists skips dangling symbolic links.
        return [.. Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f)) && File.Exists(f))
            .Order(StringComparer.Ordinal)];
    }

    private static string CorpusDirectory() => Corpus.RequireDirectory();
}
