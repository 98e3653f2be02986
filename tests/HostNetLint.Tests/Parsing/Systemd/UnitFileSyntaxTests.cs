using HostNetLint.Parsing;
using HostNetLint.Parsing.Systemd;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Tests.Parsing.Systemd;

[TestFixture]
public sealed class UnitFileSyntaxTests
{
    [Test]
    public void Sections_and_entries_have_exact_spans()
    {
        var syntax = Parse("[Unit]\nDescription=Web app\nAfter=network.target\n");

        Assert.That(syntax.Problems, Is.Empty);
        Assert.That(syntax.IsComplete, Is.True);
        var section = syntax.Sections.Single();
        Assert.That(section.Name, Is.EqualTo("Unit"));
        Assert.That(section.HeaderSpan, Is.EqualTo(new TextSpan(0, 6)));
        Assert.That(section.NameSpan, Is.EqualTo(new TextSpan(1, 4)));
        Assert.That(section.IsHeaderValid, Is.True);

        var description = section.Entries[0];
        Assert.That(description.Key, Is.EqualTo("Description"));
        Assert.That(description.KeySpan, Is.EqualTo(TextSpan.FromBounds(7, 18)));
        Assert.That(description.Value.Text, Is.EqualTo("Web app"));
        Assert.That(description.ValueSpan, Is.EqualTo(TextSpan.FromBounds(19, 26)));
        Assert.That(description.Span, Is.EqualTo(TextSpan.FromBounds(7, 26)));
        Assert.That(description.FullSpan, Is.EqualTo(TextSpan.FromBounds(7, 27)), "the full span includes the line break");
        Assert.That((description.FirstLine, description.LastLine), Is.EqualTo((1, 1)));

        var after = section.Entries[1];
        Assert.That(after.KeySpan, Is.EqualTo(TextSpan.FromBounds(27, 32)));
        Assert.That(after.ValueSpan, Is.EqualTo(TextSpan.FromBounds(33, 47)));
        Assert.That(after.Location.LineSpan, Is.EqualTo(new LinePositionSpan(new LinePosition(2, 0), new LinePosition(2, 20))));
        Assert.That(section.Span, Is.EqualTo(TextSpan.FromBounds(0, 47)));
    }

    [Test]
    public void Blanks_around_the_equals_sign_and_the_line_are_trimmed_and_key_spelling_is_kept()
    {
        var syntax = Parse("[Service]\n  execStart \t=  /bin/true  \n");
        var entry = syntax.Sections[0].Entries.Single();

        Assert.That(entry.Key, Is.EqualTo("execStart"));
        Assert.That(entry.KeySpan, Is.EqualTo(TextSpan.FromBounds(12, 21)));
        Assert.That(entry.Value.Text, Is.EqualTo("/bin/true"));
        Assert.That(entry.ValueSpan, Is.EqualTo(TextSpan.FromBounds(26, 35)));
        Assert.That(syntax.GetSection("Service")!.GetLast("ExecStart"), Is.Null, "keys match case-sensitively, as in systemd");
    }

    [Test]
    public void Hash_and_semicolon_comments_after_leading_blanks_are_comments_but_not_inside_a_value()
    {
        var syntax = Parse("# c1\n[Unit]\n  ; c2\nA=b # not a comment ; nor this\n");

        Assert.That(syntax.Comments.Select(c => (c.Span, c.Text, c.IsInsideContinuation)), Is.EqualTo(new[]
        {
            (new TextSpan(0, 4), "# c1", false),
            (TextSpan.FromBounds(14, 18), "; c2", false),
        }));
        Assert.That(syntax.Sections[0].Entries.Single().Value.Text, Is.EqualTo("b # not a comment ; nor this"));
        Assert.That(syntax.Problems, Is.Empty, "a comment before the first section is fine");
    }

    [Test]
    public void Blank_lines_are_recorded_without_their_line_breaks()
    {
        var syntax = Parse("[Unit]\n\n \t \nA=b\n");

        Assert.That(syntax.BlankLines, Is.EqualTo(new[] { new TextSpan(7, 0), TextSpan.FromBounds(8, 11) }));
        Assert.That(syntax.Sections[0].Entries.Single().Key, Is.EqualTo("A"));
    }

    [Test]
    public void Lines_systemd_ignores_are_syntax_problems_and_parsing_goes_on()
    {
        var syntax = Parse("X=1\n[Unit]\nnoequals\n=v\nA=b\n");

        Assert.That(syntax.Problems.Select(p => (p.Kind, p.Span)), Is.EqualTo(new[]
        {
            (ParseProblemKind.Syntax, new TextSpan(0, 3)),
            (ParseProblemKind.Syntax, TextSpan.FromBounds(11, 19)),
            (ParseProblemKind.Syntax, TextSpan.FromBounds(20, 22)),
        }));
        Assert.That(syntax.Problems[0].Message, Does.Contain("outside of any section"));
        Assert.That(syntax.Problems[1].Message, Does.Contain("Missing '='"));
        Assert.That(syntax.Problems[2].Message, Does.Contain("Missing key name"));
        Assert.That(syntax.Sections[0].Entries.Select(e => e.Key), Is.EqualTo(new[] { "A" }));
        Assert.That(syntax.IsComplete, Is.True, "systemd loads the file without the ignored lines");
    }

    [Test]
    public void A_header_without_closing_bracket_is_a_syntax_problem_and_makes_the_tree_incomplete()
    {
        var syntax = Parse("[Unit\nA=b\n[Unit] # trailing text\n");

        Assert.That(syntax.Problems.Select(p => (p.Kind, p.Span)), Is.EqualTo(new[]
        {
            (ParseProblemKind.Syntax, new TextSpan(0, 5)),
            (ParseProblemKind.Syntax, TextSpan.FromBounds(10, 32)),
        }));
        Assert.That(syntax.Problems[0].Message, Does.Contain("Invalid section header"));
        Assert.That(syntax.IsComplete, Is.False);
        Assert.That(syntax.Sections[0].IsHeaderValid, Is.False);
        Assert.That(syntax.Sections[0].Name, Is.EqualTo("Unit"));
        Assert.That(syntax.Sections[0].Entries.Single().Key, Is.EqualTo("A"), "entries are kept for analysis");
    }

    [Test]
    public void Section_names_are_kept_exactly_and_repeated_headers_combine()
    {
        var syntax = Parse("[Service]\nA=1\n[ Service ]\nB=2\n[Service]\nA=3\n");

        Assert.That(syntax.Sections.Select(s => s.Name), Is.EqualTo(new[] { "Service", " Service ", "Service" }));
        Assert.That(syntax.Sections[1].NameSpan, Is.EqualTo(TextSpan.FromBounds(15, 24)));
        var service = syntax.GetSection("Service")!;
        Assert.That(service.Sections, Has.Length.EqualTo(2));
        Assert.That(service.GetAll("A").Select(e => e.Value.Text), Is.EqualTo(new[] { "1", "3" }));
        Assert.That(service.Contains("B"), Is.False);
        Assert.That(syntax.GetSection("Install"), Is.Null);
    }

    [Test]
    public void Include_directives_are_reported_as_unsupported()
    {
        var syntax = Parse("[Unit]\n.include /etc/other.service\n");

        Assert.That(syntax.Problems.Single().Span, Is.EqualTo(TextSpan.FromBounds(7, 34)));
        Assert.That(syntax.Problems[0].Message, Does.Contain(".include"));
    }

    [Test]
    public void Crlf_line_breaks_leave_no_carriage_return_in_keys_values_or_spans()
    {
        var syntax = Parse("[Unit]\r\nA=b \r\nB=c\\\r\n  d\r\n");

        var entries = syntax.Sections[0].Entries;
        Assert.That(entries.Select(e => e.Value.Text), Is.EqualTo(new[] { "b", "c   d" }));
        Assert.That(entries[0].ValueSpan, Is.EqualTo(new TextSpan(10, 1)));
        Assert.That(entries[0].FullSpan, Is.EqualTo(TextSpan.FromBounds(8, 14)), "the full span includes CRLF");
        Assert.That(entries[1].ValueSpan, Is.EqualTo(TextSpan.FromBounds(16, 23)));
        Assert.That(entries[1].Value.ToSourceOffset(4), Is.EqualTo(22));
        Assert.That(syntax.Sections[0].HeaderSpan, Is.EqualTo(new TextSpan(0, 6)));
    }

    [Test]
    public void A_utf8_bom_is_not_part_of_the_first_header()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "[Unit]\nA=b\n"u8];
        var decoded = UnitFileSyntax.Parse(SourceText.Decode(bytes, "bom.service"));
        var fromString = Parse("\uFEFF[Unit]\nA=b\n");

        Assert.That(decoded.Text.Encoding, Is.EqualTo(SourceEncoding.Utf8WithBom));
        Assert.That(decoded.Sections.Single().HeaderSpan, Is.EqualTo(new TextSpan(0, 6)));
        Assert.That(decoded.Problems, Is.Empty);
        Assert.That(fromString.Sections.Single().Name, Is.EqualTo("Unit"));
        Assert.That(fromString.Sections[0].HeaderSpan, Is.EqualTo(new TextSpan(1, 6)));
        Assert.That(fromString.Problems, Is.Empty);
    }

    [Test]
    public void A_utf16_file_with_crlf_parses_like_its_utf8_twin()
    {
        byte[] bytes = [0xFF, 0xFE, .. System.Text.Encoding.Unicode.GetBytes("[Service]\r\nUser=web\r\n")];
        var syntax = UnitFileSyntax.Parse(SourceText.Decode(bytes, "utf16.service"));

        Assert.That(syntax.Problems, Is.Empty);
        var entry = syntax.Sections.Single().Entries.Single();
        Assert.That(entry.Value.Text, Is.EqualTo("web"));
        Assert.That(entry.ValueSpan, Is.EqualTo(new TextSpan(16, 3)));
    }

    [Test]
    public void A_file_without_final_line_break_ends_its_last_entry_at_the_end()
    {
        var syntax = Parse("[Unit]\nA=b");

        var entry = syntax.Sections[0].Entries.Single();
        Assert.That(entry.FullSpan, Is.EqualTo(TextSpan.FromBounds(7, 10)));
        Assert.That(syntax.BlankLines, Is.Empty);
    }

    [TestCase("")]
    [TestCase("\n")]
    [TestCase("# only a comment")]
    public void Empty_or_comment_only_files_parse_to_no_sections(string text)
    {
        var syntax = Parse(text);

        Assert.That(syntax.Sections, Is.Empty);
        Assert.That(syntax.Problems, Is.Empty);
        Assert.That(syntax.IsComplete, Is.True);
        Assert.That(syntax.Kind, Is.EqualTo(UnitFileKind.SystemdUnit));
    }

    [Test]
    public void Undecodable_bytes_are_one_syntax_problem_at_the_bad_byte()
    {
        byte[] bytes = [.. "[Unit]\nA="u8, 0xFF, .. "\n"u8];
        var syntax = UnitFileSyntax.Parse(SourceText.Decode(bytes, "bad.service"));

        Assert.That(syntax.Problems.Single().Kind, Is.EqualTo(ParseProblemKind.Syntax));
        Assert.That(syntax.Problems[0].Span, Is.EqualTo(new TextSpan(9, 1)));
        Assert.That(syntax.IsComplete, Is.False);
    }

    [Test]
    public void Random_bytes_never_throw_and_problem_spans_stay_inside_the_text()
    {
        var random = new Random(20251125);
        for (var i = 0; i < 300; i++)
        {
            var bytes = new byte[random.Next(0, 2000)];
            random.NextBytes(bytes);
            var text = SourceText.Decode(bytes, "random.service");
            var syntax = UnitFileSyntax.Parse(text);
            Assert.That(syntax.Problems.All(p => p.Span.End <= text.Length), Is.True, $"iteration {i}");
        }
    }

    [Test]
    public void Random_unit_like_text_never_throws_and_every_span_stays_inside_the_text()
    {
        const string Alphabet = "[]=\\\"'#; \t\r\n\n\nabcAB%$@-+!:|{}xu0179";
        var random = new Random(4711);
        for (var i = 0; i < 2000; i++)
        {
            var chars = new char[random.Next(0, 300)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = Alphabet[random.Next(Alphabet.Length)];
            }

            var text = SourceText.From("[Service]\n" + new string(chars), "fuzz.service");
            var syntax = UnitFileSyntax.Parse(text);
            foreach (var entry in syntax.Sections.SelectMany(s => s.Entries))
            {
                Assert.That(entry.Span.End, Is.LessThanOrEqualTo(text.Length));
                Assert.That(entry.ValueSpan.Start, Is.GreaterThanOrEqualTo(entry.KeySpan.End));
                var exec = ExecCommandLine.Parse(entry);
                var spans = exec.Commands.SelectMany(c => c.Arguments.Select(a => a.Span).Append(c.Executable.Span).Append(c.PrefixSpan))
                    .Concat(exec.Problems.Select(p => p.Span))
                    .Concat(exec.UnknownEscapeSpans);
                Assert.That(spans.All(s => entry.Span.Contains(s)), Is.True, $"iteration {i}: {entry}");
                _ = entry.SectionName.Length + syntax.GetSection("Service")!.GetList(entry.Key).Length;
            }
        }
    }

    [Test]
    public void A_ten_megabyte_file_is_refused_quickly_with_a_limit_problem()
    {
        var builder = new System.Text.StringBuilder("[Service]\n");
        while (builder.Length < 10 * 1024 * 1024)
        {
            builder.Append("Environment=KEY=value\n");
        }

        var text = SourceText.From(builder.ToString(), "huge.service");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var syntax = UnitFileSyntax.Parse(text);
        watch.Stop();

        Assert.That(syntax.Problems.Single().Kind, Is.EqualTo(ParseProblemKind.LimitExceeded));
        Assert.That(syntax.Problems[0].Span, Is.EqualTo(new TextSpan(0, 1)));
        Assert.That(syntax.IsComplete, Is.False);
        Assert.That(syntax.Sections, Is.Empty);
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public void A_logical_line_over_the_limit_is_skipped_with_a_limit_problem()
    {
        var limits = new UnitFileParseLimits { MaxLogicalLineLength = 20 };
        var syntax = UnitFileSyntax.Parse(SourceText.From("[Service]\nA=short\nB=0123456789\\\n0123456789\nC=x\n"), limits);

        Assert.That(syntax.Problems.Single().Kind, Is.EqualTo(ParseProblemKind.LimitExceeded));
        Assert.That(syntax.Problems[0].Span, Is.EqualTo(new TextSpan(18, 0)));
        Assert.That(syntax.Sections[0].Entries.Select(e => e.Key), Is.EqualTo(new[] { "A", "C" }));
        Assert.That(syntax.IsComplete, Is.False);
    }

    [Test]
    public void A_long_continuation_chain_parses_in_linear_time()
    {
        var builder = new System.Text.StringBuilder("[Service]\nExecStart=/bin/echo");
        for (var i = 0; i < 100_000; i++)
        {
            builder.Append(" a \\\n# skipped\n");
        }

        builder.Append(" end\n");
        var text = SourceText.From(builder.ToString());
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var entry = UnitFileSyntax.Parse(text).Sections[0].Entries.Single();
        var exec = ExecCommandLine.Parse(entry);
        var words = UnitFileSyntax.Parse(text).GetSection("Service")!.GetList("ExecStart");
        watch.Stop();

        Assert.That(exec.Command!.Arguments, Has.Length.EqualTo(100_001));
        Assert.That(text.ToString(exec.Command.Arguments[^1].Span), Is.EqualTo("end"));
        Assert.That(words, Has.Length.EqualTo(100_002));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    private static UnitFileSyntax Parse(string text) => UnitFileSyntax.Parse(SourceText.From(text, "test.service"));
}
