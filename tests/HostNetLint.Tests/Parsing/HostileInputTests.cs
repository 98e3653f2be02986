using System.Diagnostics;
using System.Text;
using HostNetLint.Parsing;
using HostNetLint.Parsing.Text;
using HostNetLint.Parsing.Yaml;

namespace HostNetLint.Tests.Parsing;

/// <summary>
/// Inputs meant to hang, crash or exhaust the parser. Each must end quickly in a positioned problem.
/// The time bound is loose on purpose: it only catches hangs on a busy 2-core machine.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly TimeSpan HangBound = TimeSpan.FromSeconds(5);
    private static readonly string[] OnlyHead = ["head"];

    internal const string ComposeFile = """
        # A realistic compose file, cut at every length by the truncation test.
        name: shop
        x-common: &common
          restart: unless-stopped
          logging:
            driver: json-file
            options: { max-size: "10m", max-file: "3" }
        services:
          web:
            <<: *common
            image: "nginx:1.27"
            network_mode: host
            ports:
              - "80:80"
              - '443:443'
            volumes:
              - ./site:/usr/share/nginx/html:ro
            depends_on: [api, db]
            command: >
              nginx -g 'daemon off;'
          api:
            <<: *common
            build:
              context: ./api
              args:
                VERSION: "1.2.3"
            environment:
              DATABASE_URL: postgres://db/shop   # inline comment
              EMPTY:
            healthcheck:
              test: ["CMD", "curl", "-f", "http://localhost:8080/health"]
              interval: 30s
          db:
            image: postgres:16
            environment:
              - POSTGRES_PASSWORD_FILE=/run/secrets/db
            secrets: [db]
            command: |
              postgres -c max_connections=200
        secrets:
          db: { file: ./db.secret }

        """;

    private static YamlSyntaxTree ParseTimed(SourceText text, out TimeSpan elapsed, YamlParseLimits? limits = null)
    {
        var watch = Stopwatch.StartNew();
        var tree = YamlSyntaxTree.Parse(text, limits);
        elapsed = watch.Elapsed;
        return tree;
    }

    private static ParseProblem AssertStopsWith(YamlSyntaxTree tree, TimeSpan elapsed, ParseProblemKind kind)
    {
        Assert.That(elapsed, Is.LessThan(HangBound));
        AssertProblemsPositioned(tree);
        Assert.That(tree.IsComplete, Is.False);
        var problem = tree.Problems.FirstOrDefault(p => p.Kind == kind);
        Assert.That(problem, Is.Not.Null, $"expected a {kind} problem, got: {string.Join("; ", tree.Problems)}");
        return problem!;
    }

    /// <summary>Every problem marks a real place in the text; a tree that stopped early says why.</summary>
    internal static void AssertProblemsPositioned(YamlSyntaxTree tree)
    {
        foreach (var problem in tree.Problems)
        {
            Assert.That(problem.Span.Start, Is.InRange(0, tree.Text.Length), problem.Message);
            Assert.That(problem.Span.End, Is.InRange(problem.Span.Start, tree.Text.Length), problem.Message);
            Assert.That(problem.Message, Is.Not.Empty);
        }

        if (!tree.IsComplete)
        {
            Assert.That(tree.Problems.Any(p => p.Kind is ParseProblemKind.Syntax or ParseProblemKind.LimitExceeded), Is.True, "an incomplete tree has a syntax or limit problem");
        }
    }

    [Test]
    public void Hundred_thousand_nested_flow_sequences_stop_at_the_depth_limit()
    {
        var tree = ParseTimed(SourceText.From(new string('[', 100_000)), out var elapsed);

        var problem = AssertStopsWith(tree, elapsed, ParseProblemKind.LimitExceeded);
        Assert.That(problem.Span, Is.EqualTo(new TextSpan(200, 1)), "the 201st '['");
    }

    [Test]
    public void Hundred_thousand_nested_flow_mappings_stop_at_the_depth_limit()
    {
        var tree = ParseTimed(SourceText.From(string.Concat(Enumerable.Repeat("{a: ", 100_000))), out var elapsed);

        var problem = AssertStopsWith(tree, elapsed, ParseProblemKind.LimitExceeded);
        Assert.That(problem.Span, Is.EqualTo(new TextSpan(800, 1)), "the 201st '{'");
    }

    [TestCase('[')]
    [TestCase('{')]
    public void Syntax_error_followed_by_hundred_thousand_open_flow_collections_ends_at_the_error(char open)
    {
        // The parser stops at the second '}' and the scanner reads on for comments. It stops at the depth limit, where
        // the scanner's per-token cost (one check per open flow level) would otherwise make it quadratic (110 s).
        const string head = "# head\n{a: 1}}\n";
        var tree = ParseTimed(SourceText.From(head + new string(open, 100_000)), out var elapsed);

        var problem = AssertStopsWith(tree, elapsed, ParseProblemKind.Syntax);
        Assert.Multiple(() =>
        {
            Assert.That(problem.Span, Is.EqualTo(new TextSpan(head.IndexOf("}}", StringComparison.Ordinal) + 1, 1)));
            Assert.That(tree.Comments.Select(c => c.Text), Is.EqualTo(OnlyHead));
        });
    }

    [Test]
    public void Thousand_levels_of_block_mappings_stop_at_the_depth_limit_on_the_201st_level()
    {
        var yaml = new StringBuilder();
        for (var i = 0; i < 1000; i++)
        {
            yaml.Append(' ', i).Append('k').Append(i).Append(":\n");
        }

        var tree = ParseTimed(SourceText.From(yaml.ToString()), out var elapsed);

        var problem = AssertStopsWith(tree, elapsed, ParseProblemKind.LimitExceeded);
        Assert.That(tree.Text.GetLinePosition(problem.Span.Start), Is.EqualTo(new LinePosition(200, 200)));
        Assert.That(problem.Span.Length, Is.EqualTo(1));
    }

    [Test]
    public void Billion_laughs_alias_bomb_stops_at_the_expansion_limit_on_an_alias()
    {
        var yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i <= 10; i++)
        {
            yaml.Append($"a{i}: &a{i} [").AppendJoin(", ", Enumerable.Repeat($"*a{i - 1}", 10)).Append("]\n");
        }

        var tree = ParseTimed(SourceText.From(yaml.ToString()), out var elapsed);

        var problem = AssertStopsWith(tree, elapsed, ParseProblemKind.LimitExceeded);
        Assert.Multiple(() =>
        {
            Assert.That(tree.Text.ToString(problem.Span), Does.Match(@"^\*a\d+$"));
            Assert.That(problem.Message, Does.Contain("alias"));
        });
    }

    [Test]
    public void Merge_key_bomb_stops_at_the_expansion_limit_on_the_merging_mapping()
    {
        var yaml = new StringBuilder("m0: &m0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10}\n");
        for (var i = 1; i <= 10; i++)
        {
            yaml.Append($"m{i}: &m{i}\n");
            for (var j = 0; j < 10; j++)
            {
                yaml.Append($"  k{j}:\n    <<: *m{i - 1}\n");
            }
        }

        var tree = ParseTimed(SourceText.From(yaml.ToString()), out var elapsed);

        var problem = AssertStopsWith(tree, elapsed, ParseProblemKind.LimitExceeded);
        // The mapping holding the merge is the node that crosses the limit.
        Assert.That(tree.Text.ToString(problem.Span), Does.Match(@"^<<: \*m\d+$"));
    }

    [Test]
    public void Alias_that_nests_past_the_depth_limit_is_reported_at_the_alias()
    {
        var tree = YamlSyntaxTree.Parse(SourceText.From("a: &x [[[1]]]\nb: [[*x]]\n"), new YamlParseLimits { MaxDepth = 5 });

        var problem = AssertStopsWith(tree, TimeSpan.Zero, ParseProblemKind.LimitExceeded);
        Assert.That(problem.Span, Is.EqualTo(TextSpan.FromBounds(19, 21)));
    }

    [Test]
    public void Expansion_limit_is_reported_at_the_alias_that_crosses_it()
    {
        var tree = YamlSyntaxTree.Parse(SourceText.From("a: &x [1, 2, 3, 4, 5]\nb: [*x, *x]\n"), new YamlParseLimits { MaxExpandedNodes = 10 });

        var problem = AssertStopsWith(tree, TimeSpan.Zero, ParseProblemKind.LimitExceeded);
        Assert.That(problem.Span, Is.EqualTo(TextSpan.FromBounds(30, 32)));
    }

    [Test]
    public void Large_file_without_aliases_is_reported_as_too_many_nodes_not_as_an_alias_bomb()
    {
        var tree = YamlSyntaxTree.Parse(SourceText.From("a: [1, 2, 3, 4, 5, 6]\n"), new YamlParseLimits { MaxNodes = 100, MaxExpandedNodes = 5 });

        Assert.That(tree.Problems, Is.Empty);
    }

    [Test]
    public void Node_limit_is_reported_at_the_first_node_over_it()
    {
        var tree = YamlSyntaxTree.Parse(SourceText.From("a: 1\nb: 2\n"), new YamlParseLimits { MaxNodes = 3 });

        var problem = AssertStopsWith(tree, TimeSpan.Zero, ParseProblemKind.LimitExceeded);
        Assert.That(problem.Span, Is.EqualTo(new TextSpan(5, 1)), "the key 'b' is node 4");
    }

    [Test]
    public void Fifty_megabyte_file_is_rejected_by_the_length_limit_without_being_parsed()
    {
        var text = SourceText.From(string.Concat(Enumerable.Repeat("a: [1, 2]\n", 5 * 1024 * 1024)));

        var tree = ParseTimed(text, out var elapsed);

        var problem = AssertStopsWith(tree, elapsed, ParseProblemKind.LimitExceeded);
        Assert.Multiple(() =>
        {
            Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(1)), "the length check comes before any scanning");
            Assert.That(problem.Span, Is.EqualTo(new TextSpan(0, 1)));
            Assert.That(problem.Message, Does.Contain("52,428,800"));
            Assert.That(tree.Documents, Is.Empty);
        });
    }

    [Test]
    public void Fifty_megabyte_file_read_from_bytes_is_decoded_and_rejected_quickly()
    {
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("a: [1, 2]\n", 5 * 1024 * 1024)));

        var watch = Stopwatch.StartNew();
        var tree = YamlSyntaxTree.Parse(SourceText.Decode(bytes, "big.yml"));

        AssertStopsWith(tree, watch.Elapsed, ParseProblemKind.LimitExceeded);
    }

    [Test]
    public void Invalid_UTF8_is_a_syntax_problem_at_the_bad_byte()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("services:\n  web: é"), 0xC0, 0xAF, (byte)'\n'];

        var tree = ParseTimed(SourceText.Decode(bytes, "bad.yml"), out var elapsed);

        var problem = AssertStopsWith(tree, elapsed, ParseProblemKind.Syntax);
        Assert.That(problem.Span, Is.EqualTo(new TextSpan(18, 1)), "after the 18 chars of 'services:\\n  web: é'");
    }

    [Test]
    public void NUL_byte_is_a_syntax_problem_at_the_NUL()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("a: 1\nb: "), 0x00, 0x00, (byte)'\n'];

        var tree = ParseTimed(SourceText.Decode(bytes, "nul.yml"), out var elapsed);

        var problem = AssertStopsWith(tree, elapsed, ParseProblemKind.Syntax);
        Assert.That(problem.Span, Is.EqualTo(new TextSpan(8, 1)));
    }

    [Test]
    public void Key_longer_than_1024_characters_is_a_positioned_syntax_problem()
    {
        var yaml = "services:\n  " + new string('k', 1100) + ": 1\n";

        var tree = ParseTimed(SourceText.From(yaml), out var elapsed);

        var problem = AssertStopsWith(tree, elapsed, ParseProblemKind.Syntax);
        Assert.That(problem.Span.Start, Is.GreaterThanOrEqualTo(12));
    }

    [Test]
    public void Quoted_key_longer_than_1024_characters_is_a_positioned_syntax_problem()
    {
        var tree = ParseTimed(SourceText.From("\"" + new string('k', 1100) + "\": 1\n"), out var elapsed);

        AssertStopsWith(tree, elapsed, ParseProblemKind.Syntax);
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(42)]
    [TestCase(2026)]
    public void Random_bytes_never_throw_and_are_rejected_with_a_position(int seed)
    {
        var bytes = new byte[64 * 1024];
        new Random(seed).NextBytes(bytes);

        var tree = ParseTimed(SourceText.Decode(bytes, "random.bin"), out var elapsed);

        AssertStopsWith(tree, elapsed, ParseProblemKind.Syntax);
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(42)]
    [TestCase(2026)]
    public void Random_YAML_punctuation_never_throws_and_problems_are_positioned(int seed)
    {
        const string alphabet = " \n\r\t:-[]{}&*!|>'\"#,?%@`ab1\\";
        var random = new Random(seed);
        for (var round = 0; round < 200; round++)
        {
            var chars = new char[random.Next(1, 400)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            var tree = ParseTimed(SourceText.From(new string(chars)), out var elapsed);

            Assert.That(elapsed, Is.LessThan(HangBound));
            AssertProblemsPositioned(tree);
        }
    }

    [TestCase("a: b:")]
    [TestCase("a: b:\n")]
    [TestCase("a:\r\n  b: postgres:")]
    public void Scanner_error_token_that_YamlDotNet_repeats_forever_does_not_hang_comment_collection(string yaml)
    {
        var tree = ParseTimed(SourceText.From(yaml), out var elapsed);

        AssertStopsWith(tree, elapsed, ParseProblemKind.Syntax);
    }

    [Test]
    public void Every_prefix_of_a_realistic_compose_file_parses_or_yields_a_positioned_problem()
    {
        Assert.That(YamlSyntaxTree.Parse(SourceText.From(ComposeFile)).Problems, Is.Empty, "the whole file is valid");
        var total = Stopwatch.StartNew();
        for (var length = 0; length <= ComposeFile.Length; length++)
        {
            var tree = YamlSyntaxTree.Parse(SourceText.From(ComposeFile[..length]));

            AssertProblemsPositioned(tree);
        }

        Assert.That(total.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public void Every_prefix_of_a_CRLF_compose_file_parses_or_yields_a_positioned_problem()
    {
        var crlf = ComposeFile.ReplaceLineEndings("\r\n");
        for (var length = 0; length <= crlf.Length; length++)
        {
            AssertProblemsPositioned(YamlSyntaxTree.Parse(SourceText.From(crlf[..length])));
        }
    }
}
