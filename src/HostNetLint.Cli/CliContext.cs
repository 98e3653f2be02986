namespace HostNetLint.Cli;

/// <summary>Where a command writes and which directory relative paths start from; tests pass their own.</summary>
public sealed record CliContext(TextWriter Output, TextWriter Error, string CurrentDirectory);
