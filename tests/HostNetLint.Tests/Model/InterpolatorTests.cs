using System.Collections.Immutable;
using HostNetLint.Model.Interpolation;

namespace HostNetLint.Tests.Model;

public class InterpolatorTests
{
    private static readonly Interpolator Subject = new(new Dictionary<string, string>
    {
        ["SET"] = "value",
        ["EMPTY"] = string.Empty,
        ["B"] = "bee",
    });

    [TestCase("plain", "plain")]
    [TestCase("$SET", "value")]
    [TestCase("${SET}", "value")]
    [TestCase("a${SET}b", "avalueb")]
    [TestCase("$SET/x", "value/x")]
    [TestCase("$UNSET", "")]
    [TestCase("${UNSET}", "")]
    [TestCase("${UNSET:-d}", "d")]
    [TestCase("${EMPTY:-d}", "d")]
    [TestCase("${EMPTY-d}", "")]
    [TestCase("${UNSET-d}", "d")]
    [TestCase("${SET:-d}", "value")]
    [TestCase("${SET:?err}", "value")]
    [TestCase("${UNSET:?err}", "")]
    [TestCase("${UNSET?err}", "")]
    [TestCase("${SET:+alt}", "alt")]
    [TestCase("${EMPTY:+alt}", "")]
    [TestCase("${EMPTY+alt}", "alt")]
    [TestCase("${UNSET+alt}", "")]
    [TestCase("$$", "$")]
    [TestCase("$$SET", "$SET")]
    [TestCase("cost $5", "cost $5")]
    [TestCase("trailing $", "trailing $")]
    [TestCase("${A:-${B:-x}}", "bee")]
    [TestCase("${A:-${C:-x}}", "x")]
    [TestCase("${IMG:-qubinode/airflow:latest}", "qubinode/airflow:latest")]
    [TestCase("${", "${")]
    [TestCase("${SET", "${SET")]
    [TestCase("${}", "${}")]
    [TestCase("${1BAD}", "${1BAD}")]
    [TestCase("${SET!x}", "${SET!x}")]
    [TestCase("${UNCLOSED:-${B}", "${UNCLOSED:-bee")]
    public void Interpolates_like_compose(string input, string expected)
    {
        Assert.That(Subject.Interpolate(input), Is.EqualTo(expected));
    }

    [Test]
    public void Deeply_nested_defaults_do_not_throw()
    {
        var text = string.Concat(Enumerable.Repeat("${X:-", 500)) + "end" + new string('}', 500);
        Assert.That(() => Subject.Interpolate(text), Throws.Nothing);
    }

    [Test]
    public void Many_unclosed_references_stay_fast()
    {
        var text = string.Concat(Enumerable.Repeat("${A:-", 200_000));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.That(Subject.Interpolate(text), Is.EqualTo(text));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void Dot_env_supports_comments_quotes_and_export()
    {
        const string text = """
            # comment
            PLAIN=one
            export EXPORTED=two
            SINGLE='three $PLAIN'
            DOUBLE="four\n$PLAIN"
            INLINE=five # trailing comment
            REF=${PLAIN}-${FALLBACK}
            EMPTY=
            not a line
            """;
        var values = DotEnvParser.Parse(text, ImmutableDictionary<string, string>.Empty.Add("FALLBACK", "fb"));
        Assert.Multiple(() =>
        {
            Assert.That(values["PLAIN"], Is.EqualTo("one"));
            Assert.That(values["EXPORTED"], Is.EqualTo("two"));
            Assert.That(values["SINGLE"], Is.EqualTo("three $PLAIN"));
            Assert.That(values["DOUBLE"], Is.EqualTo("four\none"));
            Assert.That(values["INLINE"], Is.EqualTo("five"));
            Assert.That(values["REF"], Is.EqualTo("one-fb"));
            Assert.That(values["EMPTY"], Is.EqualTo(string.Empty));
            Assert.That(values, Has.Count.EqualTo(7));
        });
    }
}
