using HostNetLint.Parsing;
using HostNetLint.Parsing.Systemd;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Tests.Parsing.Systemd;

/// <summary>Podman's quadlet parser trims lines before looking for a continuation backslash; systemd does not.</summary>
[TestFixture]
public sealed class QuadletDialectTests
{
    private const string TrailingBlankAfterBackslash =
        "[Container]\n" +
        "Image=registry.example/web:1\n" +
        "Exec=\"/opt/web server\" --listen \\ \t\n" +
        "   \"0.0.0.0 8080\"\n" +
        "PublishPort=8080:8080\n";

    [Test]
    public void A_backslash_followed_by_blanks_continues_in_quadlet_but_not_in_systemd()
    {
        var text = SourceText.From(TrailingBlankAfterBackslash, "web.container");
        var quadlet = UnitFileSyntax.Parse(text, UnitFileDialect.Quadlet);
        var systemd = UnitFileSyntax.Parse(text, UnitFileDialect.Systemd);

        Assert.That(quadlet.Problems, Is.Empty);
        Assert.That(quadlet.Dialect, Is.EqualTo(UnitFileDialect.Quadlet));
        var exec = quadlet.GetSection("Container")!.GetLast("Exec")!;
        Assert.That(exec.Value.Text, Is.EqualTo("\"/opt/web server\" --listen \"0.0.0.0 8080\""));
        Assert.That(quadlet.GetSection("Container")!.GetLast("PublishPort")!.Value.Text, Is.EqualTo("8080:8080"));
        var arguments = ExecCommandLine.Parse(exec).Command!.Arguments;
        Assert.That(arguments.Select(a => a.Value), Is.EqualTo(new[] { "--listen", "0.0.0.0 8080" }));
        Assert.That(text.GetLinePositionSpan(arguments[1].Span), Is.EqualTo(new LinePositionSpan(new LinePosition(3, 3), new LinePosition(3, 17))));

        Assert.That(systemd.Problems.Single().Kind, Is.EqualTo(ParseProblemKind.Syntax));
        Assert.That(text.GetLinePosition(systemd.Problems[0].Span.Start), Is.EqualTo(new LinePosition(3, 3)));
    }

    [TestCase("A=/bin/a\\\n  b\n", "/bin/ab")]
    [TestCase("A=x \\\n\n  y\n", "x y")]
    [TestCase("A=x \\\n  # comment\n\n  y\n", "x y")]
    [TestCase("A=c:\\\\\n  d\n", "c:\\d")]
    [TestCase("A=x\\", "x")]
    [TestCase("A=x\\\n", "x")]
    public void Quadlet_joins_trimmed_lines_and_drops_the_backslash(string body, string value)
    {
        var syntax = UnitFileSyntax.Parse(SourceText.From("[Container]\n" + body), UnitFileDialect.Quadlet);

        Assert.That(syntax.Problems, Is.Empty);
        Assert.That(syntax.Sections[0].Entries.Single().Value.Text, Is.EqualTo(value));
    }

    [Test]
    public void Quadlet_value_offsets_map_past_the_removed_backslash_and_indentation()
    {
        var text = SourceText.From("[Container]\nA=/bin/a\\\n  bc\n");
        var entry = UnitFileSyntax.Parse(text, UnitFileDialect.Quadlet).Sections[0].Entries.Single();

        Assert.That(entry.Value.Segments, Is.EqualTo(new[] { new UnitValueSegment(0, 14, 6), new UnitValueSegment(6, 24, 2) }));
        Assert.That(entry.Value.ToSourceOffset(6), Is.EqualTo(24));
        Assert.That(entry.ValueSpan, Is.EqualTo(TextSpan.FromBounds(14, 26)));
        Assert.That((entry.FirstLine, entry.LastLine), Is.EqualTo((1, 2)));
    }

    [Test]
    public void Quadlet_problems_say_that_the_whole_file_is_refused()
    {
        var syntax = UnitFileSyntax.Parse(SourceText.From("[Container]\nImage\n"), UnitFileDialect.Quadlet);

        Assert.That(syntax.Problems.Single().Message, Does.Contain("quadlet refuses the whole file"));
        Assert.That(syntax.Problems[0].Span, Is.EqualTo(new TextSpan(12, 5)));
    }

    [TestCase("web.container", UnitFileDialect.Quadlet)]
    [TestCase("db.pod", UnitFileDialect.Quadlet)]
    [TestCase("/etc/containers/systemd/web.container.d/10-env.conf", UnitFileDialect.Quadlet)]
    [TestCase("/etc/systemd/system/web.service.d/override.conf", UnitFileDialect.Systemd)]
    [TestCase("/etc/systemd/system/web.service", UnitFileDialect.Systemd)]
    [TestCase("README", UnitFileDialect.Systemd)]
    public void The_dialect_follows_the_file_name(string path, UnitFileDialect dialect)
    {
        Assert.That(UnitFileSyntax.DialectFor(path), Is.EqualTo(dialect));
    }
}
