using System.CommandLine;
using System.CommandLine.Parsing;
using HostNetLint.Cli;

namespace HostNetLint.Tests.Cli;

/// <summary>
/// The command line is parsed with only the subcommand it names and without System.CommandLine's built-in --help and
/// --version options when it cannot use them (they cost the AOT binary a seventh of a one-file check); what it means
/// must not change.
/// </summary>
[TestFixture]
public sealed class CommandLineParsingTests
{
    private static readonly CliContext Context = new(TextWriter.Null, TextWriter.Null, Path.GetTempPath());

    [TestCase("check", "compose.yaml")]
    [TestCase("check", "--format", "sarif", "-o", "out.sarif", "a", "b")]
    [TestCase("fix", "--dry-run", ".")]
    [TestCase("rules")]
    [TestCase("lsp")]
    public void A_command_line_without_built_ins_is_parsed_without_them(params string[] args)
    {
        var result = CliApplication.Parse(args, Context);

        Assert.Multiple(() =>
        {
            Assert.That(result.Errors, Is.Empty);
            Assert.That(result.RootCommandResult.Command, Is.Not.InstanceOf<RootCommand>());
            Assert.That(result.RootCommandResult.Command.Options.Select(o => o.Name), Does.Not.Contain("--help").And.Not.Contain("--version"));
            Assert.That(result.RootCommandResult.Command.Subcommands.Select(c => c.Name), Is.EqualTo(new[] { args[0] }));
        });
    }

    [TestCase("--help")]
    [TestCase("check", "-h")]
    [TestCase("check", "/?")]
    [TestCase("--version")]
    [TestCase("[suggest]", "check")]
    [TestCase("check", "@args.rsp")]
    [TestCase("check", "-xh")]
    public void A_command_line_that_may_use_a_built_in_gets_the_root_command(params string[] args)
    {
        Assert.That(CliApplication.Parse(args, Context).RootCommandResult.Command, Is.InstanceOf<RootCommand>());
    }

    [TestCase]
    [TestCase("check", "compose.yaml")]
    [TestCase("check", "compose.yaml", "--bogus")]
    [TestCase("check", "--format", "xml", ".")]
    [TestCase("check", "--fail-level")]
    [TestCase("lint")]
    [TestCase("check", "-o")]
    [TestCase("check", "-ohelp.sarif", ".")]
    [TestCase("check", "--", "--help")]
    [TestCase("check", "-h")]
    [TestCase("--version", "check")]
    [TestCase("rules", "--bogus")]
    [TestCase("[suggest]", "check", ".")]
    [TestCase("check", "-xh", ".")]
    [TestCase("fix", "--dry-run", "--verbose", ".")]
    [TestCase("check", "fix", "rules")]
    [TestCase("rules", "check")]
    [TestCase("check", "--exclude", "a", "--exclude", "b", "--severity", "HNL1001=note", "--report", "sarif=x.sarif", "p", "q")]
    [TestCase("fix", "--rule", "HNL1002", "--rule", "HNL1003")]
    public void Both_trees_give_a_command_line_the_same_meaning(params string[] args)
    {
        var lean = CliApplication.Parse(args, Context);
        var full = CliApplication.Parse(args, Context, allowLean: false);

        Assert.Multiple(() =>
        {
            Assert.That(full.RootCommandResult.Command, Is.InstanceOf<RootCommand>());
            Assert.That(Describe(lean), Is.EqualTo(Describe(full)));
        });
    }

    /// <summary>The values of the list arguments and options (our own parser makes them), when the line parsed.</summary>
    private static IEnumerable<string> ListValues(ParseResult result) => result.Errors.Count > 0
        ? []
        : [
            .. result.CommandResult.Command.Arguments.Select(a => $"argument {a.Name} = {string.Join(",", result.GetValue<string[]>(a.Name) ?? [])}"),
            .. result.CommandResult.Command.Options.Where(o => o.ValueType == typeof(string[])).Select(o => $"values {o.Name} = {string.Join(",", result.GetValue<string[]>(o.Name) ?? [])}"),
        ];

    /// <summary>The command and action that run, every token with its kind and symbol, and the errors.</summary>
    private static string[] Describe(ParseResult result) =>
    [
        "command " + result.CommandResult.Command.Name,
        "action " + result.Action?.GetType().Name,
        .. result.Tokens.Select(t => $"token {t.Type} {t.Value}"),
        .. result.CommandResult.Children.OfType<OptionResult>().Select(o => $"option {o.Option.Name} = {string.Join(",", o.Tokens.Select(t => t.Value))}"),
        .. ListValues(result),
        .. result.UnmatchedTokens.Select(t => "unmatched " + t),
        .. result.Errors.Select(e => "error " + e.Message),
    ];
}
