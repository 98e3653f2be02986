using System.Text;
using HostNetLint.Parsing;
using HostNetLint.Parsing.Text;
using HostNetLint.Parsing.Yaml;

namespace HostNetLint.Tests.Parsing;

public sealed class YamlSyntaxTreeTests
{
    private static readonly string[] MergeThenPorts = ["<<", "ports"];
    private static readonly string[] TestThenOther = ["test", "other"];
    private static readonly string[] HeadThenOne = ["head", "one"];
    private static readonly string[] HeadOneAfter = ["head", "one", "after"];

    private static YamlSyntaxTree Parse(string yaml) => YamlSyntaxTree.Parse(SourceText.From(yaml, "test.yml"));

    private static YamlMapping RootMapping(YamlSyntaxTree tree)
    {
        Assert.That(tree.Root, Is.InstanceOf<YamlMapping>(), "root");
        return (YamlMapping)tree.Root!;
    }

    private static void AssertClean(YamlSyntaxTree tree)
    {
        Assert.Multiple(() =>
        {
            Assert.That(tree.Problems, Is.Empty);
            Assert.That(tree.IsComplete, Is.True);
        });
    }

    [Test]
    public void Plain_scalar_spans_cover_exactly_their_text()
    {
        var tree = Parse("key: hello world\n");

        AssertClean(tree);
        var entry = RootMapping(tree).Entries.Single();
        Assert.Multiple(() =>
        {
            Assert.That(entry.Key.Span, Is.EqualTo(new TextSpan(0, 3)));
            Assert.That(entry.Value.Span, Is.EqualTo(new TextSpan(5, 11)));
            Assert.That(((YamlScalar)entry.Value).Style, Is.EqualTo(YamlScalarStyle.Plain));
            Assert.That(entry.Span, Is.EqualTo(new TextSpan(0, 16)));
        });
    }

    [Test]
    public void Multi_line_plain_scalar_ends_at_its_last_word()
    {
        var tree = Parse("a: foo\n  bar\n# c\n");

        AssertClean(tree);
        var value = (YamlScalar)RootMapping(tree)["a"]!;
        Assert.Multiple(() =>
        {
            Assert.That(value.Value, Is.EqualTo("foo bar"));
            Assert.That(value.Span, Is.EqualTo(TextSpan.FromBounds(3, 12)));
        });
    }

    [Test]
    public void Quoted_scalar_spans_include_the_quotes()
    {
        var tree = Parse("a: \"q\\\"x\"\nb: 'it''s'\n");

        AssertClean(tree);
        var a = (YamlScalar)RootMapping(tree)["a"]!;
        var b = (YamlScalar)RootMapping(tree)["b"]!;
        Assert.Multiple(() =>
        {
            Assert.That(a.Span, Is.EqualTo(TextSpan.FromBounds(3, 9)));
            Assert.That(a.Value, Is.EqualTo("q\"x"));
            Assert.That(a.Style, Is.EqualTo(YamlScalarStyle.DoubleQuoted));
            Assert.That(b.Span, Is.EqualTo(TextSpan.FromBounds(13, 20)));
            Assert.That(b.Value, Is.EqualTo("it's"));
            Assert.That(b.Style, Is.EqualTo(YamlScalarStyle.SingleQuoted));
        });
    }

    [Test]
    public void Block_literal_span_runs_from_the_indicator_to_the_end_of_its_last_text_line()
    {
        const string yaml = "a: |\n  line1\n  line2\n\nb: 1\n";
        var tree = Parse(yaml);

        AssertClean(tree);
        var value = (YamlScalar)RootMapping(tree)["a"]!;
        Assert.Multiple(() =>
        {
            Assert.That(value.Style, Is.EqualTo(YamlScalarStyle.Literal));
            Assert.That(value.Value, Is.EqualTo("line1\nline2\n"));
            Assert.That(value.Span, Is.EqualTo(TextSpan.FromBounds(3, 20)));
            Assert.That(yaml[..value.Span.End], Does.EndWith("line2"));
        });
    }

    [Test]
    public void Folded_and_keep_block_scalars_do_not_swallow_trailing_blank_lines()
    {
        var folded = Parse("a: >-\n  x\n  y\n\n");
        var keep = Parse("a: |+\n  x\n\n\n");

        Assert.Multiple(() =>
        {
            Assert.That(((YamlScalar)RootMapping(folded)["a"]!).Value, Is.EqualTo("x y"));
            Assert.That(RootMapping(folded)["a"]!.Span, Is.EqualTo(TextSpan.FromBounds(3, 13)));
            Assert.That(((YamlScalar)RootMapping(keep)["a"]!).Value, Is.EqualTo("x\n\n\n"), "the value keeps them");
            Assert.That(RootMapping(keep)["a"]!.Span, Is.EqualTo(TextSpan.FromBounds(3, 9)));
        });
    }

    [Test]
    public void Block_scalar_with_indented_blank_lines_ends_at_its_text()
    {
        var tree = Parse("a: |\n  x\n  \n   \n");

        Assert.That(RootMapping(tree)["a"]!.Span, Is.EqualTo(TextSpan.FromBounds(3, 8)));
    }

    [Test]
    public void Block_mapping_ending_in_a_block_scalar_does_not_include_trailing_blank_lines_or_comments()
    {
        var tree = Parse("a: |\n  x\n\n# c\n\n");

        AssertClean(tree);
        Assert.Multiple(() =>
        {
            Assert.That(RootMapping(tree)["a"]!.Span, Is.EqualTo(TextSpan.FromBounds(3, 8)));
            Assert.That(tree.Root!.Span, Is.EqualTo(TextSpan.FromBounds(0, 8)));
            Assert.That(tree.Documents.Single().Span, Is.EqualTo(TextSpan.FromBounds(0, 8)));
            Assert.That(tree.Comments.Single().Span, Is.EqualTo(TextSpan.FromBounds(10, 13)));
        });
    }

    [Test]
    public void Block_mapping_span_ends_at_its_last_child_not_at_trailing_comments_or_blank_lines()
    {
        const string yaml = "web:\n  image: nginx\n  # trailing\n\n# end\n\n";
        var tree = Parse(yaml);

        AssertClean(tree);
        var web = RootMapping(tree)["web"]!;
        var end = yaml.IndexOf("nginx", StringComparison.Ordinal) + 5;
        Assert.Multiple(() =>
        {
            Assert.That(web, Is.InstanceOf<YamlMapping>());
            Assert.That(web.Span, Is.EqualTo(TextSpan.FromBounds(7, end)));
            Assert.That(tree.Root!.Span, Is.EqualTo(TextSpan.FromBounds(0, end)));
        });
    }

    [Test]
    public void Block_mapping_whose_last_value_is_empty_ends_after_that_key()
    {
        var tree = Parse("a:\n  b: 1\n  c:\n# c\n\nd: 2\n");

        AssertClean(tree);
        var a = (YamlMapping)RootMapping(tree)["a"]!;
        Assert.Multiple(() =>
        {
            Assert.That(a.Span, Is.EqualTo(TextSpan.FromBounds(5, 14)));
            Assert.That(((YamlScalar)a["c"]!).IsNull, Is.True);
            Assert.That(a["c"]!.Span, Is.EqualTo(new TextSpan(14, 0)));
        });
    }

    [Test]
    public void Block_sequence_spans_run_from_the_first_dash_to_the_last_item()
    {
        const string yaml = "x:\n  - a\n  - b: 1\n    c: 2\n# t\n";
        var tree = Parse(yaml);

        AssertClean(tree);
        var x = (YamlSequence)RootMapping(tree)["x"]!;
        Assert.Multiple(() =>
        {
            Assert.That(x.IsFlow, Is.False);
            Assert.That(x.Span, Is.EqualTo(TextSpan.FromBounds(5, 26)));
            Assert.That(x.Items[0].Span, Is.EqualTo(new TextSpan(7, 1)));
            Assert.That(x.Items[1].Span, Is.EqualTo(TextSpan.FromBounds(13, 26)));
        });
    }

    [Test]
    public void Flow_collection_spans_include_both_brackets()
    {
        var tree = Parse("a: []\nb: {}\nc: [1, [2], {x: y}, ]\nd: {k: v,}\n");

        AssertClean(tree);
        var root = RootMapping(tree);
        var c = (YamlSequence)root["c"]!;
        Assert.Multiple(() =>
        {
            Assert.That(root["a"]!.Span, Is.EqualTo(TextSpan.FromBounds(3, 5)));
            Assert.That(root["b"]!.Span, Is.EqualTo(TextSpan.FromBounds(9, 11)));
            Assert.That(c.Span, Is.EqualTo(TextSpan.FromBounds(15, 33)));
            Assert.That(c.IsFlow, Is.True);
            Assert.That(c.Items[1].Span, Is.EqualTo(TextSpan.FromBounds(19, 22)));
            Assert.That(c.Items[2].Span, Is.EqualTo(TextSpan.FromBounds(24, 30)));
            Assert.That(root["d"]!.Span, Is.EqualTo(TextSpan.FromBounds(37, 44)));
            Assert.That(((YamlMapping)root["d"]!).IsFlow, Is.True);
            Assert.That(root.Span, Is.EqualTo(TextSpan.FromBounds(0, 44)));
        });
    }

    [Test]
    public void Flow_sequence_spanning_lines_with_a_comment_keeps_its_span_and_the_comment()
    {
        var tree = Parse("k: [a, # c\n b]\n");

        AssertClean(tree);
        Assert.Multiple(() =>
        {
            Assert.That(RootMapping(tree)["k"]!.Span, Is.EqualTo(TextSpan.FromBounds(3, 14)));
            Assert.That(tree.Comments.Single(), Is.EqualTo(new YamlComment(TextSpan.FromBounds(7, 10), "c", IsInline: true)));
        });
    }

    [Test]
    public void Anchors_tags_and_aliases_keep_their_sites_and_targets()
    {
        const string yaml = "x: &a {p: 1}\ny: *a\nz: !reset null\ns: !override\n  q: 1\nt: &seq !reset\n  - 1\n";
        var tree = Parse(yaml);

        AssertClean(tree);
        var root = RootMapping(tree);
        var x = root["x"]!;
        var y = (YamlAlias)root["y"]!;
        var z = (YamlScalar)root["z"]!;
        var s = (YamlMapping)root["s"]!;
        var t = (YamlSequence)root["t"]!;
        Assert.Multiple(() =>
        {
            Assert.That(x.Anchor, Is.EqualTo("a"));
            Assert.That(x.Span, Is.EqualTo(TextSpan.FromBounds(3, 12)), "an anchored node's span starts at the anchor");
            Assert.That(y.Span, Is.EqualTo(TextSpan.FromBounds(16, 18)));
            Assert.That(y.Name, Is.EqualTo("a"));
            Assert.That(y.Target, Is.SameAs(x));
            Assert.That(y.Resolve(), Is.SameAs(x));
            Assert.That(z.Tag, Is.EqualTo("!reset"));
            Assert.That(z.IsNull, Is.False, "a tagged null is not a plain null");
            Assert.That(z.Span, Is.EqualTo(TextSpan.FromBounds(22, 33)));
            Assert.That(s.Tag, Is.EqualTo("!override"));
            Assert.That(s.Span, Is.EqualTo(TextSpan.FromBounds(37, 53)));
            Assert.That(t.Anchor, Is.EqualTo("seq"));
            Assert.That(t.Tag, Is.EqualTo("!reset"));
            Assert.That(t.Span, Is.EqualTo(TextSpan.FromBounds(57, yaml.Length - 1)));
        });
    }

    [Test]
    public void Empty_anchored_or_tagged_value_ends_at_its_anchor_or_tag_not_the_next_line()
    {
        var tree = Parse("a: &x\nb: !reset\nc: *x\n");

        AssertClean(tree);
        Assert.Multiple(() =>
        {
            Assert.That(RootMapping(tree)["a"]!.Span, Is.EqualTo(TextSpan.FromBounds(3, 5)));
            Assert.That(RootMapping(tree)["b"]!.Span, Is.EqualTo(TextSpan.FromBounds(9, 15)));
            Assert.That(RootMapping(tree)["b"]!.Tag, Is.EqualTo("!reset"));
        });
    }

    [Test]
    public void Merge_key_stays_an_ordinary_entry_and_is_not_expanded()
    {
        var tree = Parse("base: &b\n  image: x\nweb:\n  <<: *b\n  ports: [80]\n");

        AssertClean(tree);
        var web = (YamlMapping)RootMapping(tree)["web"]!;
        Assert.Multiple(() =>
        {
            Assert.That(web.Entries.Select(e => e.KeyText), Is.EqualTo(MergeThenPorts));
            Assert.That(web["<<"], Is.InstanceOf<YamlAlias>());
            Assert.That(web["<<"]!.Span, Is.EqualTo(TextSpan.FromBounds(31, 33)));
            Assert.That(web["image"], Is.Null);
        });
    }

    [Test]
    public void Comments_are_collected_with_spans_starting_at_the_hash()
    {
        const string yaml = "# head\nweb: # inline\n  image: x # after value\n  # own line\n# trailing\n";
        var tree = Parse(yaml);

        AssertClean(tree);
        Assert.That(tree.Comments, Is.EqualTo(new[]
        {
            new YamlComment(TextSpan.FromBounds(0, 6), "head", IsInline: false),
            new YamlComment(TextSpan.FromBounds(12, 20), "inline", IsInline: true),
            new YamlComment(TextSpan.FromBounds(32, 45), "after value", IsInline: true),
            new YamlComment(TextSpan.FromBounds(48, 58), "own line", IsInline: false),
            new YamlComment(TextSpan.FromBounds(59, 69), "trailing", IsInline: false),
        }));
        Assert.That(tree.Comments.Select(c => yaml[c.Span.Start]), Is.All.EqualTo('#'));
    }

    [Test]
    public void Inline_comment_after_a_flow_sequence_is_valid_YAML_and_kept()
    {
        // YamlDotNet's parser, asked for comments, rejects this ("did not find expected key").
        var tree = Parse("ports: [\"80:80\"] # web\nimage: x\n");

        AssertClean(tree);
        Assert.Multiple(() =>
        {
            Assert.That(RootMapping(tree)["ports"]!.Span, Is.EqualTo(TextSpan.FromBounds(7, 16)));
            Assert.That(RootMapping(tree)["image"]!.Span, Is.EqualTo(new TextSpan(30, 1)));
            Assert.That(tree.Comments.Single(), Is.EqualTo(new YamlComment(TextSpan.FromBounds(17, 22), "web", IsInline: true)));
        });
    }

    [Test]
    public void Own_line_comment_after_a_flow_value_before_a_dedent_is_valid_YAML_and_kept()
    {
        const string yaml = "services:\n  test:\n    command: [\"true\"]\n    # note\n  other:\n    image: x\n";
        var tree = Parse(yaml);

        AssertClean(tree);
        var services = (YamlMapping)RootMapping(tree)["services"]!;
        var note = yaml.IndexOf('#', StringComparison.Ordinal);
        Assert.Multiple(() =>
        {
            Assert.That(services.Entries.Select(e => e.KeyText), Is.EqualTo(TestThenOther));
            Assert.That(services["test"]!.Span.End, Is.EqualTo(yaml.IndexOf(']', StringComparison.Ordinal) + 1));
            Assert.That(tree.Comments.Single(), Is.EqualTo(new YamlComment(new TextSpan(note, 6), "note", IsInline: false)));
        });
    }

    [Test]
    public void Inline_comment_after_a_flow_mapping_is_valid_YAML()
    {
        var tree = Parse("a:\n  b: {x: 1} # c\n  e: 2\n");

        AssertClean(tree);
        Assert.That(tree.Comments.Single().Span, Is.EqualTo(TextSpan.FromBounds(15, 18)));
    }

    [Test]
    public void Comments_before_a_syntax_error_are_kept()
    {
        var tree = Parse("# head\na: 1 # one\nb: [\n");

        Assert.Multiple(() =>
        {
            Assert.That(tree.IsComplete, Is.False);
            Assert.That(tree.Comments.Select(c => c.Text), Is.EqualTo(HeadThenOne));
        });
    }

    [Test]
    public void Comments_after_a_syntax_error_are_kept_as_far_as_the_scanner_reads()
    {
        // The parser stops at the sequence entry; the scanner reads on through the rest of the file.
        var tree = Parse("# head\na: 1\n- b # one\n# after\n");

        Assert.Multiple(() =>
        {
            Assert.That(tree.IsComplete, Is.False);
            Assert.That(tree.Comments.Select(c => c.Text), Is.EqualTo(HeadOneAfter));
        });
    }

    [Test]
    public void Version_directive_after_a_commented_reserved_directive_is_valid_YAML()
    {
        // YamlDotNet's scanner with comments on rejects this %YAML (a comment token came before it); without, it is fine.
        const string yaml = "# c\n%FOO bar\n%YAML 1.2\n---\na: 1\n";
        var tree = Parse(yaml);

        AssertClean(tree);
        Assert.Multiple(() =>
        {
            Assert.That(((YamlScalar)RootMapping(tree)["a"]!).Value, Is.EqualTo("1"));
            Assert.That(RootMapping(tree)["a"]!.Span, Is.EqualTo(new TextSpan(yaml.Length - 2, 1)));
            Assert.That(tree.Comments.First(), Is.EqualTo(new YamlComment(new TextSpan(0, 3), "c", IsInline: false)));
        });
    }

    [Test]
    public void Pair_in_a_flow_sequence_spans_its_key_and_value()
    {
        // YamlDotNet gives the implicit mapping of "[sh: -c]" no position at all.
        const string yaml = "command: [sh: -c, x]\n";
        var tree = Parse(yaml);

        AssertClean(tree);
        var pair = (YamlMapping)((YamlSequence)RootMapping(tree)["command"]!).Items[0];
        Assert.Multiple(() =>
        {
            Assert.That(pair.Span, Is.EqualTo(TextSpan.FromBounds(10, 16)), "sh: -c");
            Assert.That(pair.IsFlow, Is.True);
            Assert.That(pair["sh"]!.Span, Is.EqualTo(TextSpan.FromBounds(14, 16)));
        });
    }

    [TestCase("# c\n: x\n", 4)]
    [TestCase("---\n: x\n", 4)]
    [TestCase("a: 1\n# c\n: x\n", 9)]
    public void Empty_key_sits_on_its_colon(string yaml, int colon)
    {
        // YamlDotNet places the empty key it synthesizes at a stale mark (the start of the file or of the document).
        var tree = Parse(yaml);

        Assert.That(yaml[colon], Is.EqualTo(':'));
        var entry = RootMapping(tree).Entries[^1];
        Assert.Multiple(() =>
        {
            Assert.That(entry.Key.Span, Is.EqualTo(new TextSpan(colon, 0)));
            Assert.That(entry.Value.Span, Is.EqualTo(new TextSpan(colon + 2, 1)));
            Assert.That(RootMapping(tree).Span.Start, Is.LessThanOrEqualTo(colon));
        });
    }

    [Test]
    public void Unclosed_flow_sequence_holding_a_pair_is_reported_at_its_bracket()
    {
        const string yaml = "services:\n  a:\n    network_mode: [e: host\n  b:\n    image: b\n";
        var tree = Parse(yaml);

        var problem = tree.Problems.Single();
        Assert.Multiple(() =>
        {
            Assert.That(problem.Span, Is.EqualTo(new TextSpan(yaml.IndexOf('[', StringComparison.Ordinal), 1)));
            Assert.That(problem.Message, Does.Contain("flow sequence opened here"));
        });
    }

    [TestCase("a: | # c\n  x\nb: 1\n", 5, 8, true)]
    [TestCase("a: b#c # d\n", 7, 10, true)]
    [TestCase("a: 'x' # c\n", 7, 10, true)]
    [TestCase("a: {x: 1, # c\n  y: 2}\n", 10, 13, true)]
    [TestCase("- a # c\n- b\n", 4, 7, true)]
    [TestCase("a:\n  # c\n  b: 1\n", 5, 8, false)]
    [TestCase("a: 1 #c\n", 5, 7, true)]
    public void Comment_span_and_inline_flag_are_exact_wherever_the_comment_sits(string yaml, int start, int end, bool inline)
    {
        var tree = Parse(yaml);

        AssertClean(tree);
        var comment = tree.Comments.Single();
        Assert.Multiple(() =>
        {
            Assert.That(comment.Span, Is.EqualTo(TextSpan.FromBounds(start, end)));
            Assert.That(comment.IsInline, Is.EqualTo(inline));
            Assert.That(yaml[start], Is.EqualTo('#'));
        });
    }

    [Test]
    public void Hash_without_a_space_before_it_is_part_of_a_plain_scalar()
    {
        var tree = Parse("a: b#c # d\n");

        Assert.That(((YamlScalar)RootMapping(tree)["a"]!).Value, Is.EqualTo("b#c"));
    }

    [Test]
    public void Comment_in_a_CRLF_file_ends_before_the_CR()
    {
        var tree = Parse("a: 1 # c\r\n");

        Assert.That(tree.Comments.Single().Span, Is.EqualTo(TextSpan.FromBounds(5, 8)));
    }

    [Test]
    public void Every_duplicate_key_is_reported_at_the_repeat_with_the_first_as_related_span()
    {
        var tree = Parse("a: 1\nb: 2\na: 3\nb: 4\n");

        Assert.Multiple(() =>
        {
            Assert.That(tree.Problems, Is.EqualTo(new[]
            {
                new ParseProblem(ParseProblemKind.DuplicateKey, new TextSpan(10, 1), tree.Problems[0].Message, new TextSpan(0, 1)),
                new ParseProblem(ParseProblemKind.DuplicateKey, new TextSpan(15, 1), tree.Problems[1].Message, new TextSpan(5, 1)),
            }));
            Assert.That(tree.Problems[0].Message, Does.Contain("'a'").And.Contain("line 1"));
            Assert.That(tree.IsComplete, Is.True, "a duplicate key does not stop the analysis");
            Assert.That(RootMapping(tree).Entries, Has.Length.EqualTo(4), "duplicates stay in the tree");
        });
    }

    [Test]
    public void A_key_repeated_three_times_gives_two_problems_both_related_to_the_first()
    {
        var tree = Parse("x:\n  k: 1\n  k: 2\n  k: 3\n");

        Assert.Multiple(() =>
        {
            Assert.That(tree.Problems.Select(p => p.Span), Is.EqualTo(new[] { new TextSpan(12, 1), new TextSpan(19, 1) }));
            Assert.That(tree.Problems.Select(p => p.RelatedSpan), Is.All.EqualTo(new TextSpan(5, 1)));
            Assert.That(tree.IsComplete, Is.True);
        });
    }

    [TestCase(3)]
    [TestCase(40)]
    public void A_repeated_key_is_found_in_a_small_mapping_and_in_a_large_one_related_to_its_first_place(int keys)
    {
        // Small mappings are scanned, large ones use a dictionary; both give the same problems.
        var lines = Enumerable.Range(0, keys).Select(i => $"k{i:D2}: {i}\n").ToList();
        lines.Add("k01: again\n");
        lines.Add("k01: and again\n");
        var text = string.Concat(lines);
        var tree = Parse(text);
        var first = text.IndexOf("k01", StringComparison.Ordinal);
        var second = text.IndexOf("k01: again", StringComparison.Ordinal);
        var third = text.IndexOf("k01: and again", StringComparison.Ordinal);

        Assert.Multiple(() =>
        {
            Assert.That(tree.Problems.Select(p => p.Span), Is.EqualTo(new[] { new TextSpan(second, 3), new TextSpan(third, 3) }));
            Assert.That(tree.Problems.Select(p => p.RelatedSpan), Is.All.EqualTo(new TextSpan(first, 3)));
            Assert.That(RootMapping(tree).Entries, Has.Length.EqualTo(keys + 2));
        });
    }

    [Test]
    public void Duplicate_keys_are_reported_in_text_order_even_when_an_inner_mapping_closes_first()
    {
        var tree = Parse("a: 1\na: 2\nb:\n  c: 1\n  c: 2\n");

        Assert.That(tree.Problems.Select(p => p.Span), Is.EqualTo(new[] { new TextSpan(5, 1), new TextSpan(22, 1) }));
    }

    [Test]
    public void Block_literal_in_a_CRLF_file_ends_before_the_CR_of_its_last_line()
    {
        var tree = Parse("a: |\r\n  x\r\n\r\nb: 1\r\n");

        AssertClean(tree);
        Assert.That(RootMapping(tree)["a"]!.Span, Is.EqualTo(TextSpan.FromBounds(3, 9)));
    }

    [Test]
    public void Duplicate_keys_in_a_flow_mapping_and_quoted_keys_are_found()
    {
        var tree = Parse("m: {a: 1, 'a': 2}\n");

        Assert.That(tree.Problems.Single(), Is.EqualTo(new ParseProblem(ParseProblemKind.DuplicateKey, TextSpan.FromBounds(10, 13), tree.Problems[0].Message, new TextSpan(4, 1))));
    }

    [Test]
    public void Multiple_documents_each_get_a_root_and_a_span()
    {
        var tree = Parse("---\na: 1\n---\nb: 2\n...\n");

        AssertClean(tree);
        Assert.Multiple(() =>
        {
            Assert.That(tree.Documents, Has.Length.EqualTo(2));
            Assert.That(tree.Documents[0].Span, Is.EqualTo(TextSpan.FromBounds(0, 8)));
            Assert.That(tree.Documents[0].Root!.Span, Is.EqualTo(TextSpan.FromBounds(4, 8)));
            Assert.That(tree.Documents[1].Span, Is.EqualTo(TextSpan.FromBounds(9, 17)));
            Assert.That(((YamlMapping)tree.Documents[1].Root!)["b"]!.Span, Is.EqualTo(new TextSpan(16, 1)));
            Assert.That(tree.Root, Is.SameAs(tree.Documents[0].Root));
        });
    }

    [Test]
    public void Anchors_do_not_leak_from_one_document_into_the_next()
    {
        var tree = Parse("a: &x 1\n---\nb: *x\n");

        var problem = tree.Problems.Single();
        Assert.Multiple(() =>
        {
            Assert.That(problem.Kind, Is.EqualTo(ParseProblemKind.Syntax));
            Assert.That(problem.Span, Is.EqualTo(TextSpan.FromBounds(15, 17)));
        });
    }

    [Test]
    public void Explicit_empty_document_has_an_empty_null_scalar_as_root()
    {
        var tree = Parse("---\n...\n");

        AssertClean(tree);
        Assert.That(tree.Documents.Single().Root, Is.InstanceOf<YamlScalar>().With.Property(nameof(YamlScalar.IsNull)).True);
    }

    [TestCase("")]
    [TestCase("\n\n   \n")]
    [TestCase("# only\n# comments\n")]
    public void Empty_or_comment_only_file_has_no_documents_and_no_problems(string yaml)
    {
        var tree = Parse(yaml);

        AssertClean(tree);
        Assert.Multiple(() =>
        {
            Assert.That(tree.Documents, Is.Empty);
            Assert.That(tree.Root, Is.Null);
        });
    }

    [TestCase("# only\n# comments\n", 0)]
    [TestCase("# only\n# comments\n...\n", 0)]
    [TestCase("x: 1\n...\n# only\n# comments\n", 9)]
    public void Comments_that_no_document_follows_are_all_kept(string yaml, int first)
    {
        var tree = Parse(yaml);

        AssertClean(tree);
        Assert.That(tree.Comments, Is.EqualTo(new[]
        {
            new YamlComment(TextSpan.FromBounds(first, first + 6), "only", IsInline: false),
            new YamlComment(TextSpan.FromBounds(first + 7, first + 17), "comments", IsInline: false),
        }));
    }

    [Test]
    public void Tab_used_for_indentation_is_a_syntax_problem_on_the_tab()
    {
        var tree = Parse("a:\n\tb: 1\n");

        var problem = tree.Problems.Single();
        Assert.Multiple(() =>
        {
            Assert.That(problem.Kind, Is.EqualTo(ParseProblemKind.Syntax));
            Assert.That(problem.Span, Is.EqualTo(new TextSpan(3, 1)));
            Assert.That(problem.Message, Does.Contain("tab"));
            Assert.That(tree.IsComplete, Is.False);
        });
    }

    [Test]
    public void Tab_after_indented_content_is_a_positioned_syntax_problem()
    {
        var tree = Parse("a:\n  b: 1\n\tc: 2\n");

        var problem = tree.Problems.Single();
        Assert.Multiple(() =>
        {
            Assert.That(problem.Kind, Is.EqualTo(ParseProblemKind.Syntax));
            Assert.That(problem.Span, Is.EqualTo(TextSpan.FromBounds(8, 10)), "YamlDotNet blames the scalar before the tab");
        });
    }

    [Test]
    public void CRLF_file_spans_map_to_the_right_lines_and_columns()
    {
        var tree = Parse("services:\r\n  web:\r\n    image: nginx\r\n    ports:\r\n      - \"80:80\"\r\n");

        AssertClean(tree);
        var web = (YamlMapping)((YamlMapping)RootMapping(tree)["services"]!)["web"]!;
        var port = ((YamlSequence)web["ports"]!).Items.Single();
        Assert.Multiple(() =>
        {
            Assert.That(tree.Text.GetLinePositionSpan(web["image"]!.Span), Is.EqualTo(new LinePositionSpan(new LinePosition(2, 11), new LinePosition(2, 16))));
            Assert.That(tree.Text.GetLinePositionSpan(port.Span), Is.EqualTo(new LinePositionSpan(new LinePosition(4, 8), new LinePosition(4, 15))));
            Assert.That(tree.Text.GetLinePositionSpan(web.Span), Is.EqualTo(new LinePositionSpan(new LinePosition(2, 4), new LinePosition(4, 15))));
        });
    }

    [Test]
    public void Lone_CR_file_spans_map_to_the_right_lines()
    {
        var tree = Parse("a: 1\rb: 2\r");

        AssertClean(tree);
        var b = RootMapping(tree).Entries[1].Key;
        Assert.That(tree.Text.GetLinePosition(b.Span.Start), Is.EqualTo(new LinePosition(1, 0)));
    }

    [Test]
    public void File_with_a_UTF8_BOM_parses_with_offsets_into_the_text_after_the_BOM()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("a: 1\nb: 2\n")];

        var tree = YamlSyntaxTree.Parse(SourceText.Decode(bytes, "bom.yml"));

        AssertClean(tree);
        Assert.Multiple(() =>
        {
            Assert.That(RootMapping(tree).Entries[0].Key.Span, Is.EqualTo(new TextSpan(0, 1)));
            Assert.That(RootMapping(tree)["b"]!.Span, Is.EqualTo(new TextSpan(8, 1)));
        });
    }

    [Test]
    public void File_in_UTF16_parses()
    {
        byte[] bytes = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("a: 1\nb: 2\n")];

        var tree = YamlSyntaxTree.Parse(SourceText.Decode(bytes, "utf16.yml"));

        AssertClean(tree);
        Assert.That(RootMapping(tree)["b"]!.Span, Is.EqualTo(new TextSpan(8, 1)));
    }

    [Test]
    public void Non_ASCII_text_is_measured_in_UTF16_code_units()
    {
        var tree = Parse("😀: é\nk: v\n");

        AssertClean(tree);
        Assert.Multiple(() =>
        {
            Assert.That(RootMapping(tree).Entries[0].Key.Span, Is.EqualTo(new TextSpan(0, 2)));
            Assert.That(RootMapping(tree)["😀"]!.Span, Is.EqualTo(new TextSpan(4, 1)));
            Assert.That(RootMapping(tree)["k"]!.Span, Is.EqualTo(new TextSpan(9, 1)));
        });
    }

    [Test]
    public void Unclosed_flow_sequence_that_makes_YamlDotNet_throw_a_bare_exception_is_a_positioned_syntax_problem()
    {
        var tree = Parse("a: [1, 2\nb: 3\n");

        var problem = tree.Problems.Single();
        Assert.Multiple(() =>
        {
            Assert.That(problem.Kind, Is.EqualTo(ParseProblemKind.Syntax));
            Assert.That(problem.Span, Is.EqualTo(new TextSpan(3, 1)), "the '[' that is never closed");
            Assert.That(problem.RelatedSpan, Is.EqualTo(new TextSpan(5, 1)), "where reading stopped");
            Assert.That(problem.Message, Does.Contain("flow sequence"));
            Assert.That(tree.IsComplete, Is.False);
        });
    }

    [Test]
    public void Unterminated_quoted_scalar_spans_from_the_quote()
    {
        var tree = Parse("a: 'unterminated\n");

        var problem = tree.Problems.Single();
        Assert.Multiple(() =>
        {
            Assert.That(problem.Kind, Is.EqualTo(ParseProblemKind.Syntax));
            Assert.That(problem.Span.Start, Is.EqualTo(3));
        });
    }

    [Test]
    public void Unknown_alias_is_a_problem_at_the_alias_site()
    {
        var tree = Parse("a: *nope\n");

        var problem = tree.Problems.Single();
        var alias = (YamlAlias)RootMapping(tree)["a"]!;
        Assert.Multiple(() =>
        {
            Assert.That(problem.Kind, Is.EqualTo(ParseProblemKind.Syntax));
            Assert.That(problem.Span, Is.EqualTo(TextSpan.FromBounds(3, 8)));
            Assert.That(problem.Message, Does.Contain("*nope"));
            Assert.That(alias.Target, Is.Null);
            Assert.That(alias.Resolve(), Is.Null);
        });
    }

    [Test]
    public void Alias_to_its_own_enclosing_collection_is_an_unknown_alias_not_a_cycle()
    {
        var tree = Parse("a: &x [1, *x]\n");

        Assert.That(tree.Problems.Single().Span, Is.EqualTo(TextSpan.FromBounds(10, 12)));
    }

    [Test]
    public void Undecodable_file_is_a_syntax_problem_at_the_bad_byte_and_is_not_parsed()
    {
        byte[] bytes = [(byte)'a', (byte)':', (byte)' ', 0xC3, 0x28, (byte)'\n'];

        var tree = YamlSyntaxTree.Parse(SourceText.Decode(bytes, "bad.yml"));

        Assert.Multiple(() =>
        {
            Assert.That(tree.Problems.Single().Kind, Is.EqualTo(ParseProblemKind.Syntax));
            Assert.That(tree.Problems.Single().Span, Is.EqualTo(new TextSpan(3, 1)));
            Assert.That(tree.Documents, Is.Empty);
            Assert.That(tree.IsComplete, Is.False);
        });
    }
}
