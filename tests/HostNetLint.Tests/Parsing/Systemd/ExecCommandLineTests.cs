using HostNetLint.Parsing;
using HostNetLint.Parsing.Systemd;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Tests.Parsing.Systemd;

[TestFixture]
public sealed class ExecCommandLineTests
{
    // "[Service]\nExecStart=" is 20 characters: values start at offset 20, on line 1, column 10.
    private const int ValueStart = 20;

    [Test]
    public void A_plain_command_splits_at_blanks_with_exact_spans()
    {
        var (text, exec) = Parse("/usr/bin/podman run  --rm\t-p 8080:80 nginx");

        var command = exec.Command!;
        Assert.That(exec.Problems, Is.Empty);
        Assert.That(command.Prefixes, Is.EqualTo(ExecPrefixes.None));
        Assert.That(command.PrefixSpan, Is.EqualTo(new TextSpan(ValueStart, 0)));
        Assert.That(command.Executable.Value, Is.EqualTo("/usr/bin/podman"));
        Assert.That(command.Executable.Span, Is.EqualTo(new TextSpan(ValueStart, 15)));
        Assert.That(command.Arguments.Select(a => a.Value), Is.EqualTo(new[] { "run", "--rm", "-p", "8080:80", "nginx" }));
        Assert.That(command.Arguments.Select(a => a.Span.Start - ValueStart), Is.EqualTo(new[] { 16, 21, 26, 29, 37 }));
        Assert.That(command.Arguments.Select(a => text.ToString(a.Span)), Is.EqualTo(new[] { "run", "--rm", "-p", "8080:80", "nginx" }));
        Assert.That(command.Span, Is.EqualTo(new TextSpan(ValueStart, 42)));
        Assert.That(command.ArgumentZero, Is.SameAs(command.Executable));
    }

    [Test]
    public void Double_and_single_quotes_group_words_and_may_start_inside_a_word()
    {
        var (text, exec) = Parse("/bin/sh -c 'dmesg | tac' \"one two\" a\"b c\"d '' \"it's\"");

        var arguments = exec.Command!.Arguments;
        Assert.That(arguments.Select(a => a.Value), Is.EqualTo(new[] { "-c", "dmesg | tac", "one two", "ab cd", string.Empty, "it's" }));
        Assert.That(arguments.Select(a => a.IsQuoted), Is.EqualTo(new[] { false, true, true, true, true, true }));
        Assert.That(text.ToString(arguments[1].Span), Is.EqualTo("'dmesg | tac'"));
        Assert.That(arguments[1].Span, Is.EqualTo(new TextSpan(ValueStart + 11, 13)));
        Assert.That(text.ToString(arguments[3].Span), Is.EqualTo("a\"b c\"d"));
        Assert.That(arguments[4].Span, Is.EqualTo(new TextSpan(ValueStart + 43, 2)));
    }

    [Test]
    public void The_systemd_service_example_with_variables_keeps_them_as_written()
    {
        // systemd.service(5), "Command lines": variables are expanded at run time, not by the parser.
        var (_, exec) = Parse("/bin/echo $ONE $TWO ${TWO} \"${ONE} $$\"");

        Assert.That(exec.Command!.Arguments.Select(a => a.Value), Is.EqualTo(new[] { "$ONE", "$TWO", "${TWO}", "${ONE} $$" }));
    }

    [Test]
    public void A_relative_executable_with_environment_from_quoted_assignments_is_split_like_the_man_page_example()
    {
        // systemd.service(5): Environment="ONE=one" 'TWO=two two' with ExecStart=echo $ONE $TWO ${TWO}.
        var text = SourceText.From("[Service]\nEnvironment=\"ONE=one\" 'TWO=two two'\nExecStart=echo $ONE $TWO ${TWO}\n");
        var service = UnitFileSyntax.Parse(text).GetSection("Service")!;
        var exec = ExecCommandLine.Parse(service.GetLast("ExecStart")!);

        Assert.That(exec.Command!.Executable.Value, Is.EqualTo("echo"));
        Assert.That(exec.Command.Arguments.Select(a => text.ToString(a.Span)), Is.EqualTo(new[] { "$ONE", "$TWO", "${TWO}" }));
        Assert.That(service.GetList("Environment").Select(i => i.Text), Is.EqualTo(new[] { "\"ONE=one\"", "'TWO=two", "two'" }), "GetList does not unquote; Environment= needs its own reader");
    }

    [Test]
    public void Specifiers_are_left_as_written_including_the_percent_escape()
    {
        var (_, exec) = Parse("/usr/bin/podman run --name %N -v %h/data:/data:Z --env HOME=%h -e P=100%% %t/%i.sock");

        Assert.That(exec.Command!.Arguments.Select(a => a.Value), Is.EqualTo(new[]
        {
            "run", "--name", "%N", "-v", "%h/data:/data:Z", "--env", "HOME=%h", "-e", "P=100%%", "%t/%i.sock",
        }));
    }

    [TestCase(@"\x41\101\u00e9\U0001F600", "AAé😀")]
    [TestCase(@"\xc3\xa9\303\251", "éé")]
    [TestCase(@"a\tb\nc\\d\""e\'f\sg", "a\tb\nc\\d\"e'f g")]
    [TestCase(@"'\x41 \\ \""'", "A \\ \"")]
    [TestCase(@"\a\b\f\r\v", "\a\b\f\r\v")]
    public void C_escapes_are_decoded_inside_and_outside_quotes(string word, string value)
    {
        var (text, exec) = Parse("/bin/printf " + word);

        var argument = exec.Command!.Arguments.Single();
        Assert.That(argument.Value, Is.EqualTo(value));
        Assert.That(text.ToString(argument.Span), Is.EqualTo(word));
        Assert.That(argument.RawText, Is.EqualTo(word));
        Assert.That(exec.UnknownEscapeSpans, Is.Empty);
        Assert.That(exec.Problems, Is.Empty);
    }

    [TestCase(@"\d+", @"\d+", 0)]
    [TestCase(@"a\x00b", @"a\x00b", 1)]
    [TestCase(@"\u0000", @"\u0000", 0)]
    [TestCase(@"\8", @"\8", 0)]
    [TestCase(@"\777", @"\777", 0)]
    [TestCase(@"\xZ1", @"\xZ1", 0)]
    [TestCase(@"five\ six", @"five\ six", 4)]
    public void Unknown_escapes_are_kept_verbatim_and_located(string word, string value, int escapeOffset)
    {
        var (_, exec) = Parse("/bin/grep " + word);

        Assert.That(exec.Command!.Arguments.Single().Value, Is.EqualTo(value));
        Assert.That(exec.UnknownEscapeSpans, Is.EqualTo(new[] { new TextSpan(ValueStart + 10 + escapeOffset, 2) }));
        Assert.That(exec.Problems, Is.Empty, "systemd warns and keeps the backslash");
    }

    [TestCase("-/bin/true", ExecPrefixes.IgnoreFailure, 1)]
    [TestCase("@/bin/true", ExecPrefixes.ArgumentZero, 1)]
    [TestCase(":/bin/true", ExecPrefixes.NoEnvironmentExpansion, 1)]
    [TestCase("+/bin/true", ExecPrefixes.FullPrivileges, 1)]
    [TestCase("!/bin/true", ExecPrefixes.NoCredentialChange, 1)]
    [TestCase("!!/bin/true", ExecPrefixes.AmbientCredentialsFallback, 2)]
    [TestCase("|/bin/true", ExecPrefixes.ViaShell, 1)]
    [TestCase("-@:+/bin/true", ExecPrefixes.IgnoreFailure | ExecPrefixes.ArgumentZero | ExecPrefixes.NoEnvironmentExpansion | ExecPrefixes.FullPrivileges, 4)]
    [TestCase(":-!!/bin/true", ExecPrefixes.IgnoreFailure | ExecPrefixes.NoEnvironmentExpansion | ExecPrefixes.AmbientCredentialsFallback, 4)]
    [TestCase("!-@/bin/true", ExecPrefixes.IgnoreFailure | ExecPrefixes.ArgumentZero | ExecPrefixes.NoCredentialChange, 3)]
    public void Each_prefix_and_combination_is_recorded_with_its_span(string word, ExecPrefixes prefixes, int length)
    {
        var (text, exec) = Parse(word + " argv0");

        var command = exec.Command!;
        Assert.That(command.Prefixes, Is.EqualTo(prefixes));
        Assert.That(command.PrefixSpan, Is.EqualTo(new TextSpan(ValueStart, length)));
        Assert.That(command.Executable.Value, Is.EqualTo("/bin/true"));
        Assert.That(command.Executable.Span, Is.EqualTo(new TextSpan(ValueStart + length, 9)));
        Assert.That(text.ToString(command.Executable.Span), Is.EqualTo("/bin/true"));
        Assert.That(exec.Problems, Is.Empty);
    }

    [TestCase("--/bin/x", ExecPrefixes.IgnoreFailure, "-/bin/x")]
    [TestCase("+!/bin/x", ExecPrefixes.FullPrivileges, "!/bin/x")]
    [TestCase("!!!/bin/x", ExecPrefixes.AmbientCredentialsFallback, "!/bin/x")]
    [TestCase("!+/bin/x", ExecPrefixes.NoCredentialChange, "+/bin/x")]
    public void A_repeated_or_conflicting_prefix_ends_the_prefixes_as_in_systemd(string word, ExecPrefixes prefixes, string path)
    {
        var (_, exec) = Parse(word);

        Assert.That(exec.Command!.Prefixes, Is.EqualTo(prefixes));
        Assert.That(exec.Command.Executable.Value, Is.EqualTo(path));
    }

    [Test]
    public void The_at_prefix_makes_the_second_word_argv0()
    {
        var (_, exec) = Parse("@/usr/sbin/daemon my-daemon --foreground");

        var command = exec.Command!;
        Assert.That(command.ArgumentZero.Value, Is.EqualTo("my-daemon"));
        Assert.That(command.ProcessArguments.Select(a => a.Value), Is.EqualTo(new[] { "--foreground" }));
    }

    [Test]
    public void Prefixes_inside_quotes_are_recognised_with_an_empty_prefix_span()
    {
        var (_, exec) = Parse("\"-/bin/my tool\" x");

        var command = exec.Command!;
        Assert.That(command.Prefixes, Is.EqualTo(ExecPrefixes.IgnoreFailure));
        Assert.That(command.PrefixSpan, Is.EqualTo(new TextSpan(ValueStart, 0)));
        Assert.That(command.Executable.Value, Is.EqualTo("/bin/my tool"));
        Assert.That(command.Executable.Span, Is.EqualTo(new TextSpan(ValueStart, 15)));
    }

    [Test]
    public void An_unterminated_quote_is_a_syntax_problem_at_the_quote()
    {
        var (text, exec) = Parse("/bin/echo ok \"abc def");

        var problem = exec.Problems.Single();
        Assert.That(problem.Kind, Is.EqualTo(ParseProblemKind.Syntax));
        Assert.That(problem.Span, Is.EqualTo(new TextSpan(ValueStart + 13, 1)));
        Assert.That(text.GetLinePosition(problem.Span.Start), Is.EqualTo(new LinePosition(1, 23)));
        Assert.That(problem.Message, Does.Contain("double quote"));
        Assert.That(exec.Commands, Is.Empty, "systemd ignores the whole command line");
    }

    [Test]
    public void An_unterminated_single_quote_in_the_executable_is_reported()
    {
        var (_, exec) = Parse("'/bin/echo");

        Assert.That(exec.Problems.Single().Span, Is.EqualTo(new TextSpan(ValueStart, 1)));
        Assert.That(exec.Problems[0].Message, Does.Contain("single quote"));
    }

    [TestCase("-", "Empty executable")]
    [TestCase("@/bin/true", "argv[0]")]
    public void A_command_without_executable_or_argv0_is_a_syntax_problem(string value, string message)
    {
        var (_, exec) = Parse(value);

        Assert.That(exec.Problems.Single().Message, Does.Contain(message));
        Assert.That(exec.Problems[0].Span.Start, Is.EqualTo(ValueStart));
        Assert.That(exec.Commands, Is.Empty);
    }

    [Test]
    public void An_empty_assignment_is_a_reset()
    {
        var (_, exec) = Parse(string.Empty);

        Assert.That(exec.IsReset, Is.True);
        Assert.That(exec.Commands, Is.Empty);
        Assert.That(exec.Problems, Is.Empty);
    }

    [Test]
    public void A_lone_semicolon_separates_commands_the_old_way_and_an_escaped_one_is_an_argument()
    {
        var (text, exec) = Parse("/bin/echo one ; -/bin/echo \"two two\" ; ; find /tmp -exec rm {} \\; x;");

        Assert.That(exec.UsesSemicolonSeparator, Is.True);
        Assert.That(exec.Commands.Select(c => c.ToString()), Is.EqualTo(new[] { "/bin/echo one", "/bin/echo two two", "find /tmp -exec rm {} ; x;" }));
        Assert.That(exec.Commands[1].Prefixes, Is.EqualTo(ExecPrefixes.IgnoreFailure));
        var escaped = exec.Commands[2].Arguments[4];
        Assert.That(text.ToString(escaped.Span), Is.EqualTo("\\;"));
        Assert.That(escaped.Span.Start, Is.EqualTo(ValueStart + 63));
    }

    [Test]
    public void Arguments_across_continuation_lines_keep_exact_spans()
    {
        var text = SourceText.From(
            "[Service]\n" +
            "ExecStart=/usr/bin/podman run \\\n" +
            "    --name web \\\n" +
            "    # a comment inside the continuation\n" +
            "    \"quoted \\\n" +
            "  arg\" nginx\n");
        var exec = ExecCommandLine.Parse(UnitFileSyntax.Parse(text).Sections[0].Entries.Single());

        var arguments = exec.Command!.Arguments;
        Assert.That(arguments.Select(a => a.Value), Is.EqualTo(new[] { "run", "--name", "web", "quoted    arg", "nginx" }));
        Assert.That(text.GetLinePositionSpan(arguments[1].Span), Is.EqualTo(new LinePositionSpan(new LinePosition(2, 4), new LinePosition(2, 10))));
        Assert.That(text.GetLinePositionSpan(arguments[3].Span), Is.EqualTo(new LinePositionSpan(new LinePosition(4, 4), new LinePosition(5, 6))));
        Assert.That(text.GetLinePositionSpan(arguments[4].Span), Is.EqualTo(new LinePositionSpan(new LinePosition(5, 7), new LinePosition(5, 12))));
        Assert.That(arguments[3].RawText, Is.EqualTo("\"quoted    arg\""));
    }

    private static (SourceText Text, ExecCommandLine Exec) Parse(string value)
    {
        var text = SourceText.From("[Service]\nExecStart=" + value + "\n", "test.service");
        var entry = UnitFileSyntax.Parse(text).Sections[0].Entries.Single();
        return (text, ExecCommandLine.Parse(entry));
    }
}
