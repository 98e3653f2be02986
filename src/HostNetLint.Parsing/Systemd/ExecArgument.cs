using HostNetLint.Parsing.Text;

namespace HostNetLint.Parsing.Systemd;

/// <summary>
/// One word of an <c>Exec*=</c> command line: its value after unquoting and C-style unescaping, and its exact
/// source span (across continuation lines, if it is continued). Specifiers (<c>%h</c>, <c>%%</c>) and variables
/// (<c>$VAR</c>, <c>${VAR}</c>) stay as written: they are expanded by systemd at load and at run time.
/// </summary>
/// <param name="Value">The unescaped value; for the executable, without the prefix characters.</param>
/// <param name="Span">The source span of the word as written (quotes included; prefixes excluded for the executable).</param>
/// <param name="RawText">The word as written in the logical value (continuations joined).</param>
/// <param name="IsQuoted">True when any part of the word was quoted.</param>
public sealed record ExecArgument(string Value, TextSpan Span, string RawText, bool IsQuoted)
{
    public override string ToString() => Value;
}
