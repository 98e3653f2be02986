using HostNetLint.Hosting;

namespace HostNetLint.Cli;

/// <summary>
/// What the commands work with: where they write, which directory relative paths start from, the lint
/// run (the real model builder and engine by default; tests pass their own) and the environment variables.
/// </summary>
public sealed record CliContext(TextWriter Output, TextWriter Error, string CurrentDirectory)
{
    public LintRun Run { get; init; } = new();

    /// <summary>Reads an environment variable (<c>GITHUB_STEP_SUMMARY</c>, <c>GITHUB_WORKSPACE</c>); tests pass their own.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>
    /// Standard output as UTF-8 without a byte-order mark (<see cref="ForPrograms"/>); null when <see cref="Output"/>
    /// serves (a test's string writer has no encoding to get wrong).
    /// </summary>
    public TextWriter? Utf8Output { get; init; }

    /// <summary>
    /// Standard output for what other programs read: the reports (SARIF, JSON, XML, workflow commands) and the
    /// dry-run diff that <c>git apply</c> takes, UTF-8 whatever the locale. <see cref="Output"/> follows the locale.
    /// </summary>
    public TextWriter ForPrograms => Utf8Output ?? Output;

    /// <summary>Where a report in <paramref name="format"/> goes when it goes to standard output.</summary>
    public TextWriter OutputFor(Output.OutputFormat format) => format == Cli.Output.OutputFormat.Text ? Output : ForPrograms;
}
