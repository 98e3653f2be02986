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
}
