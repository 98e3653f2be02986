using HostNetLint.Parsing;
using HostNetLint.Parsing.Systemd;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Tests.Parsing.Systemd;

/// <summary>Line continuation as systemd.syntax(7) describes it, with the value-to-source map.</summary>
[TestFixture]
public sealed class UnitFileContinuationTests
{
    // The example of systemd.syntax(7), "Introduction".
    private const string ManPageExample =
        "[Section A]\n" +
        "KeyOne=value 1\n" +
        "KeyTwo=value 2\n" +
        "\n" +
        "# a comment\n" +
        "\n" +
        "[Section B]\n" +
        "Setting=\"something\" \"some thing\" \"…\"\n" +
        "KeyTwo=value 2 \\\n" +
        "       value 2 continued\n" +
        "\n" +
        "[Section C]\n" +
        "KeyThree=value 3\\\n" +
        "# this line is ignored\n" +
        "; this line is ignored too\n" +
        "       value 3 continued\n";

    [Test]
    public void The_man_page_example_joins_lines_with_the_backslash_as_a_space_and_skips_comments_inside()
    {
        var text = SourceText.From(ManPageExample);
        var syntax = UnitFileSyntax.Parse(text);

        Assert.That(syntax.Problems, Is.Empty);
        Assert.That(syntax.Sections.Select(s => s.Name), Is.EqualTo(new[] { "Section A", "Section B", "Section C" }));
        var keyTwo = syntax.GetSection("Section B")!.GetLast("KeyTwo")!;
        Assert.That(keyTwo.Value.Text, Is.EqualTo("value 2" + new string(' ', 9) + "value 2 continued"));
        var keyThree = syntax.GetSection("Section C")!.GetLast("KeyThree")!;
        Assert.That(keyThree.Value.Text, Is.EqualTo("value 3" + new string(' ', 8) + "value 3 continued"));
        Assert.That((keyThree.FirstLine, keyThree.LastLine), Is.EqualTo((12, 15)));
        Assert.That(text.GetLinePositionSpan(keyThree.Span), Is.EqualTo(new LinePositionSpan(new LinePosition(12, 0), new LinePosition(15, 24))));
        Assert.That(syntax.Comments.Select(c => (c.Text, c.IsInsideContinuation)), Is.EqualTo(new[]
        {
            ("# a comment", false),
            ("# this line is ignored", true),
            ("; this line is ignored too", true),
        }));
        Assert.That(syntax.Comments[1].Span, Is.EqualTo(new TextSpan(text.GetLineStart(13), 22)));
    }

    [Test]
    public void A_word_of_a_continued_value_maps_back_to_its_own_line()
    {
        var text = SourceText.From(ManPageExample);
        var keyThree = UnitFileSyntax.Parse(text).GetSection("Section C")!.GetLast("KeyThree")!;

        var continued = keyThree.Value.Text.IndexOf("continued", StringComparison.Ordinal);
        var span = keyThree.Value.ToSourceSpan(new TextSpan(continued, 9));
        Assert.That(text.GetLinePositionSpan(span), Is.EqualTo(new LinePositionSpan(new LinePosition(15, 15), new LinePosition(15, 24))));
        Assert.That(text.ToString(span), Is.EqualTo("continued"));

        // The joining space is the backslash.
        Assert.That(text.Text[keyThree.Value.ToSourceOffset(7)], Is.EqualTo('\\'));

        var words = UnitFileSyntax.Parse(text).GetSection("Section C")!.GetList("KeyThree");
        Assert.That(words.Select(w => text.ToString(w.Span)), Is.EqualTo(new[] { "value", "3", "value", "3", "continued" }));
        Assert.That(words.Select(w => text.GetLinePosition(w.Span.Start)), Is.EqualTo(new[]
        {
            new LinePosition(12, 9), new LinePosition(12, 15), new LinePosition(15, 7), new LinePosition(15, 13), new LinePosition(15, 15),
        }));
    }

    [Test]
    public void A_span_across_the_join_covers_the_backslash_the_line_break_and_skipped_comments()
    {
        var text = SourceText.From("[S]\nA=one\\\n# skipped\ntwo\n");
        var entry = UnitFileSyntax.Parse(text).Sections[0].Entries.Single();

        Assert.That(entry.Value.Text, Is.EqualTo("one two"));
        Assert.That(entry.Value.Segments, Is.EqualTo(new[] { new UnitValueSegment(0, 6, 4), new UnitValueSegment(4, 21, 3) }));
        Assert.That(entry.ValueSpan, Is.EqualTo(TextSpan.FromBounds(6, 24)));
        Assert.That(entry.Value.ToSourceSpan(TextSpan.FromBounds(2, 5)), Is.EqualTo(TextSpan.FromBounds(8, 22)));
        Assert.That(entry.FullSpan, Is.EqualTo(TextSpan.FromBounds(4, 25)));
    }

    [Test]
    public void Trailing_blanks_after_a_backslash_end_the_line_and_the_orphaned_line_is_explained()
    {
        var text = SourceText.From("[S]\nA=one \\  \n  two\nB=x\n");
        var syntax = UnitFileSyntax.Parse(text);

        var entries = syntax.Sections[0].Entries;
        Assert.That(entries.Select(e => e.Key), Is.EqualTo(new[] { "A", "B" }));
        Assert.That(entries[0].Value.Text, Is.EqualTo("one \\"), "systemd only continues when the backslash is the last character");
        var problem = syntax.Problems.Single();
        Assert.That(problem.Kind, Is.EqualTo(ParseProblemKind.Syntax));
        Assert.That(problem.Span, Is.EqualTo(TextSpan.FromBounds(16, 19)));
        Assert.That(problem.Message, Does.Contain("backslash followed by blanks at 2:7"));
    }

    [TestCase("A=c:\\\\\nB=d\n", new[] { "c:\\\\", "d" })]
    [TestCase("A=c:\\\\\\\nd\n", new[] { "c:\\\\ d" })]
    [TestCase("A=x\\\n\nB=y\n", new[] { "x", "y" })]
    [TestCase("A=x\\\n   \nB=y\n", new[] { "x", "y" })]
    [TestCase("A=x \\", new[] { "x" })]
    [TestCase("A=\\\nB=y\n", new[] { "B=y" })]
    [TestCase("A=\"quoted \\\n  still\"\n", new[] { "\"quoted    still\"" })]
    public void Continuation_edge_cases_follow_systemd(string body, string[] values)
    {
        var syntax = UnitFileSyntax.Parse(SourceText.From("[S]\n" + body));

        Assert.That(syntax.Problems, Is.Empty);
        Assert.That(syntax.Sections[0].Entries.Select(e => e.Value.Text), Is.EqualTo(values));
    }

    [Test]
    public void A_continuation_ending_the_file_keeps_its_lines()
    {
        var text = SourceText.From("[S]\nA=x \\\n# last");
        var entry = UnitFileSyntax.Parse(text).Sections[0].Entries.Single();

        Assert.That(entry.Value.Text, Is.EqualTo("x"));
        Assert.That((entry.FirstLine, entry.LastLine), Is.EqualTo((1, 2)));
        Assert.That(entry.FullSpan, Is.EqualTo(TextSpan.FromBounds(4, 16)));
    }

    [Test]
    public void An_empty_value_points_just_after_the_equals_sign()
    {
        var text = SourceText.From("[S]\nAfter=   \nB =\n");
        var entries = UnitFileSyntax.Parse(text).Sections[0].Entries;

        Assert.That(entries.Select(e => e.IsEmptyAssignment), Is.All.True);
        Assert.That(entries[0].ValueSpan, Is.EqualTo(new TextSpan(10, 0)));
        Assert.That(entries[1].ValueSpan, Is.EqualTo(new TextSpan(17, 0)));
        Assert.That(entries[1].KeySpan, Is.EqualTo(new TextSpan(14, 1)));
    }
}
