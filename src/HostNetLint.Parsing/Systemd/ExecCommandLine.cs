using System.Collections.Immutable;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Parsing.Systemd;

/// <summary>
/// An <c>Exec*=</c> value (<c>ExecStart=</c>, <c>ExecStartPre=</c>, <c>ExecStop=</c>, ...) split the way systemd's
/// <c>config_parse_exec()</c> splits it. Never throws; problems that make systemd ignore the line are data.
/// </summary>
/// <remarks>
/// <para>
/// Words are split at blanks. Single and double quotes behave alike and may start anywhere in a word
/// (<c>a"b c"</c> is <c>ab c</c>); C escapes (<c>\n</c>, <c>\t</c>, <c>\\</c>, <c>\"</c>, <c>\s</c>, <c>\x41</c>,
/// <c>\101</c>, <c>\u00e9</c>, <c>\U0001F600</c>, ...) are decoded inside and outside quotes, <c>\x</c> and octal
/// escapes as bytes of the UTF-8 value. An unknown escape is kept verbatim, as systemd does after a warning;
/// its span is in <see cref="UnknownEscapeSpans"/>. Unbalanced quoting is a <see cref="ParseProblemKind.Syntax"/>
/// problem: systemd ignores the rest of the line.
/// </para>
/// <para>
/// A lone unquoted <c>;</c> separates commands: systemd still accepts this old syntax, so it is parsed into
/// several <see cref="Commands"/> and flagged with <see cref="UsesSemicolonSeparator"/>. A lone <c>\;</c> is a
/// literal <c>;</c> argument.
/// </para>
/// </remarks>
public sealed class ExecCommandLine
{
    internal ExecCommandLine(UnitEntry entry, ImmutableArray<ExecCommand> commands, ImmutableArray<ParseProblem> problems, ImmutableArray<TextSpan> unknownEscapeSpans, bool usesSemicolonSeparator)
    {
        Entry = entry;
        Commands = commands;
        Problems = problems;
        UnknownEscapeSpans = unknownEscapeSpans;
        UsesSemicolonSeparator = usesSemicolonSeparator;
    }

    public UnitEntry Entry { get; }

    /// <summary>The commands, usually one; empty for an empty assignment (a reset) or a line systemd rejects at once.</summary>
    public ImmutableArray<ExecCommand> Commands { get; }

    /// <summary>The first command, or null.</summary>
    public ExecCommand? Command => Commands.IsEmpty ? null : Commands[0];

    /// <summary>Problems that make systemd ignore (part of) the line, with source spans.</summary>
    public ImmutableArray<ParseProblem> Problems { get; }

    /// <summary>Source spans of escapes systemd does not know (kept verbatim, with a warning), such as <c>\d</c>.</summary>
    public ImmutableArray<TextSpan> UnknownEscapeSpans { get; }

    /// <summary>True when the value uses the deprecated lone <c>;</c> to separate commands.</summary>
    public bool UsesSemicolonSeparator { get; }

    /// <summary>True for an empty assignment, which clears the commands set so far.</summary>
    public bool IsReset => Entry.IsEmptyAssignment;

    public static ExecCommandLine Parse(UnitEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new ExecCommandLineParser(entry).Parse();
    }
}
