using HostNetLint.Hosting;

namespace HostNetLint.Cli;

/// <summary>
/// What the commands work with: where they write, which directory relative paths start from, and the lint
/// run (the real model builder and engine by default; tests pass their own).
/// </summary>
public sealed record CliContext(TextWriter Output, TextWriter Error, string CurrentDirectory)
{
    public LintRun Run { get; init; } = new();
}
