using System.Diagnostics;
using System.Text;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Meta;

/// <summary>
/// Hostile files through the whole engine: each ends in a positioned HNL0001 or HNL0003, quickly, the
/// process alive, and the well-formed file beside it is still checked.
/// </summary>
[TestFixture]
public sealed class HostileInputTests
{
    private const string GoodFile = "version: '3'\nservices:\n  web:\n    image: nginx\n";

    public static IEnumerable<TestCaseData> HostileFiles()
    {
        yield return new TestCaseData(Encoding.UTF8.GetBytes("services: " + new string('[', 100_000)), "HNL0003").SetName("100,000 nested brackets");
        yield return new TestCaseData(Encoding.UTF8.GetBytes(AliasBomb()), "HNL0003").SetName("alias bomb");
        yield return new TestCaseData(FiftyMegabytes(), "HNL0003").SetName("50 MB file");
        yield return new TestCaseData(new byte[] { 0x73, 0x65, 0x72, 0x76, 0x69, 0x63, 0x65, 0x73, 0x3A, 0x0A, 0x20, 0x20, 0xC3, 0x28, 0x3A, 0x20, 0x78 }, "HNL0001").SetName("invalid UTF-8");
        yield return new TestCaseData(new byte[] { 0x73, 0x3A, 0x20, 0x00, 0x00, 0x01, 0x02 }, "HNL0001").SetName("NUL bytes");
        yield return new TestCaseData(Encoding.UTF8.GetBytes("services:\n\tweb:\n\t\timage: nginx\n"), "HNL0001").SetName("tab indentation");
        yield return new TestCaseData(Encoding.UTF8.GetBytes("services:\n  web: [a, b\n  db: {\n"), "HNL0001").SetName("unclosed flow collections");
    }

    [TestCaseSource(nameof(HostileFiles))]
    public void Hostile_file_is_reported_at_a_position_and_the_neighbour_is_still_checked(byte[] content, string expectedId)
    {
        using var temp = new TempDirectory();
        temp.WriteBytes("hostile/compose.yaml", content);
        temp.Write("good/compose.yaml", GoodFile);

        var watch = Stopwatch.StartNew();
        var diagnostics = Lint.Directory(temp.Path);
        watch.Stop();

        var hostile = diagnostics.Where(d => d.Location.Path == "hostile/compose.yaml").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(hostile.Select(d => d.Id), Is.EqualTo(new[] { expectedId }), string.Join('\n', diagnostics));
            Assert.That(hostile[0].Location.Span.End, Is.LessThanOrEqualTo(hostile[0].Location.Source.Length));
            Assert.That(diagnostics.Where(d => d.Location.Path == "good/compose.yaml").Select(d => d.Id), Is.EqualTo(new[] { "HNL3001" }));

            // A hang guard, not a benchmark: the real figure is milliseconds (see README, Benchmarks).
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        });
    }

    public static IEnumerable<TestCaseData> LargeValidFiles()
    {
        // Issue 12's super-linear cases, each well under the size limit: a scalar's position was searched per shell word,
        // and every service of an extends chain resolved the whole chain with a linear key lookup per link.
        var words = string.Join(' ', Enumerable.Range(0, 200_000).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        yield return new TestCaseData("services:\n  web:\n    image: nginx\n    network_mode: host\n    command: " + words + "\n", Array.Empty<string>()).SetName("a command of 200,000 words");
        var chain = new StringBuilder("services:\n  s0:\n    image: nginx\n");
        for (var i = 1; i < 20_000; i++)
        {
            chain.Append(System.Globalization.CultureInfo.InvariantCulture, $"  s{i}:\n    extends: s{i - 1}\n");
        }

        yield return new TestCaseData(chain.ToString(), Array.Empty<string>()).SetName("an extends chain of 20,000 services");
        yield return new TestCaseData("services:\n  web: {image: nginx\n  bad: : :\n" + new string('[', 100_000) + "\n", new[] { "HNL0001" }).SetName("a syntax error followed by 100,000 [");
    }

    [TestCaseSource(nameof(LargeValidFiles))]
    public void Large_inputs_are_linted_in_time_linear_in_their_size(string content, string[] expectedIds)
    {
        using var temp = new TempDirectory();
        temp.Write("large/compose.yaml", content);

        var watch = Stopwatch.StartNew();
        var diagnostics = Lint.Directory(temp.Path);
        watch.Stop();

        Assert.Multiple(() =>
        {
            Assert.That(diagnostics.Where(d => d.Severity == HostNetLint.Rules.Diagnostics.Severity.Error).Select(d => d.Id), Is.EqualTo(expectedIds), string.Join('\n', diagnostics.Take(5)));

            // A hang guard, not a benchmark: these took 16-110 s before, and take well under a second now.
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        });
    }

    [Test]
    public void Empty_and_whitespace_files_are_fine()
    {
        Assert.That(Lint.Files(("a/compose.yaml", ""), ("b/compose.yaml", "\n\n   \n"), ("c/compose.yaml", "\uFEFF")), Is.Empty);
    }

    [Test]
    public void A_BOM_and_CRLF_file_reports_the_same_positions_as_a_plain_one()
    {
        var plain = "version: '3'\nservices:\n  web:\n    image: nginx\n";
        var crlf = "\uFEFF" + plain.Replace("\n", "\r\n", StringComparison.Ordinal);
        var positions = Lint.Files(("plain/compose.yaml", plain), ("crlf/compose.yaml", crlf))
            .Select(d => (d.Id, d.Location.LineSpan.Start, d.Location.LineSpan.End)).ToList();
        Assert.That(positions, Has.Count.EqualTo(2));
        Assert.That(positions[0], Is.EqualTo(positions[1]));
    }

    private static string AliasBomb()
    {
        var bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 10; i++)
        {
            var previous = string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10));
            bomb.Append(System.Globalization.CultureInfo.InvariantCulture, $"a{i}: &a{i} [{previous}]\n");
        }

        return bomb.Append("services:\n  web:\n    image: nginx\n    command: *a9\n").ToString();
    }

    private static byte[] FiftyMegabytes()
    {
        var line = Encoding.UTF8.GetBytes("# padding padding padding padding padding padding padding padding\n");
        var bytes = new byte[50 * 1024 * 1024];
        for (var i = 0; i < bytes.Length; i += line.Length)
        {
            Array.Copy(line, 0, bytes, i, Math.Min(line.Length, bytes.Length - i));
        }

        return bytes;
    }
}
