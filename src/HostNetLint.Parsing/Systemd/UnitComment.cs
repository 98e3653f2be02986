using HostNetLint.Parsing.Text;

namespace HostNetLint.Parsing.Systemd;

/// <summary>
/// A comment line (first non-blank character <c>#</c> or <c>;</c>). <see cref="Span"/> runs from the
/// comment character to the end of the line, without the line break.
/// </summary>
/// <param name="IsInsideContinuation">
/// True when the comment sits between a line ending in a backslash and the line it continues with;
/// systemd skips such lines and joins around them.
/// </param>
public sealed record UnitComment(TextSpan Span, string Text, bool IsInsideContinuation);
