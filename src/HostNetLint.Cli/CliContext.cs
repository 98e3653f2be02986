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
    /// Standard output as UTF-8 without a byte-order mark, for the reports other programs read (SARIF, JSON, XML,
    /// workflow commands), which are UTF-8 whatever the locale; <see cref="Output"/>, which follows the locale, when
    /// the host sets none (a test's string writer has no encoding to get wrong).
    /// </summary>
    public TextWriter? Utf8Output { get; init; }

    /// <summary>Where a report in <paramref name="format"/> goes when it goes to standard output.</summary>
    public TextWriter OutputFor(Output.OutputFormat format) => format == Cli.Output.OutputFormat.Text ? Output : Utf8Output ?? Output;
}
