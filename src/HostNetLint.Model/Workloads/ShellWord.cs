namespace HostNetLint.Model.Workloads;

/// <summary>A word of a shell-split string: its text with quotes removed and the range it was written in.</summary>
public readonly record struct ShellWord(string Text, int Start, int End);
