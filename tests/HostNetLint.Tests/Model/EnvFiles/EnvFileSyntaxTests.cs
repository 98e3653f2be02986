using HostNetLint.Model.EnvFiles;

namespace HostNetLint.Tests.Model.EnvFiles;

/// <summary>The three env file syntaxes, each as its tool reads it (compose-go's dotenv, podman's pkg/env, systemd's parse_env_file).</summary>
public class EnvFileSyntaxTests
{
    private static string Written(string text, HostNetLint.Parsing.Text.TextSpan span) => text.Substring(span.Start, span.Length);

    [Test]
    public void Compose_reads_export_comments_quotes_escapes_and_colons()
    {
        const string text = "# comment\n  export A=1\nB = two # comment\nC=\"x\\ty\\\"z\\$q\"\nD='lit\\'s $A'\nE: yaml\nF=no#comment\nG=\"multi\nline\" # after\n";
        var lines = ComposeEnvFileParser.Parse(text);
        Assert.Multiple(() =>
        {
            Assert.That(lines.Select(l => (l.Name, l.Value, l.Interpolate)), Is.EqualTo(new[]
            {
                ("A", "1", true),
                ("B", "two", true),
                ("C", "x\ty\"z$$q", true),
                ("D", "lit's $A", false),
                ("E", "yaml", true),
                ("F", "no#comment", true),
                ("G", "multi\nline", true),
            }));
            Assert.That(lines.Select(l => Written(text, l.Span)), Is.EqualTo(new[]
            {
                "A=1", "B = two", "C=\"x\\ty\\\"z\\$q\"", "D='lit\\'s $A'", "E: yaml", "F=no#comment", "G=\"multi\nline\"",
            }));
            Assert.That(Written(text, lines[0].NameSpan), Is.EqualTo("A"));
            Assert.That(Written(text, lines[1].ValueSpan), Is.EqualTo("two"));
        });
    }

    [Test]
    public void Compose_takes_a_name_alone_as_inherited_and_skips_what_it_would_refuse()
    {
        const string text = "INHERIT\nbad name=1\nok.name-x=2\nUNTERMINATED=\"abc\nNEXT=3\n$WEIRD=4\nLAST=5";
        var lines = ComposeEnvFileParser.Parse(text);
        Assert.That(lines.Select(l => (l.Name, l.Value, l.Inherited)), Is.EqualTo(new[]
        {
            ("INHERIT", string.Empty, true),
            ("ok.name-x", "2", false),
            ("NEXT", "3", false),
            ("LAST", "5", false),
        }));
    }

    [Test]
    public void Compose_handles_crlf_line_endings()
    {
        var lines = ComposeEnvFileParser.Parse("A=1\r\nB='2'\r\nC\r\n");
        Assert.That(lines.Select(l => (l.Name, l.Value, l.Inherited)), Is.EqualTo(new[] { ("A", "1", false), ("B", "2", false), ("C", string.Empty, true) }));
    }

    [Test]
    public void Raw_keeps_values_verbatim_and_inherits_names_alone()
    {
        const string text = "  # comment\nA=\"quoted\" # kept\r\n B=x=y  \nNAME\n=skipped\n";
        var lines = RawEnvFileParser.Parse(text);
        Assert.Multiple(() =>
        {
            Assert.That(lines.Select(l => (l.Name, l.Value, l.Inherited, l.Interpolate)), Is.EqualTo(new[]
            {
                ("A", "\"quoted\" # kept", false, false),
                ("B", "x=y  ", false, false),
                ("NAME", string.Empty, true, false),
            }));
            Assert.That(Written(text, lines[1].Span), Is.EqualTo("B=x=y  "));
        });
    }

    [Test]
    public void Systemd_reads_quotes_escapes_continuations_and_both_comment_signs()
    {
        const string text = "; comment\n# comment \\\n  still comment\nA= spaced value  \nB=\"dq \\\"x\\\" \\n\"\nC='sq \\n'\nD=one\\\ntwo\nexport E=1\n9BAD=1\nNOEQUALS\nF=\"a\"b\n";
        var lines = SystemdEnvFileParser.Parse(text);
        Assert.Multiple(() =>
        {
            Assert.That(lines.Select(l => (l.Name, l.Value)), Is.EqualTo(new[]
            {
                ("A", "spaced value"),
                ("B", "dq \"x\" \\n"),
                ("C", "sq \\n"),
                ("D", "onetwo"),
                ("F", "ab"),
            }));
            Assert.That(Written(text, lines[0].ValueSpan), Is.EqualTo("spaced value"));
            Assert.That(Written(text, lines[1].Span), Is.EqualTo("B=\"dq \\\"x\\\" \\n\""));
            Assert.That(lines.All(l => !l.Interpolate), Is.True);
        });
    }
}
