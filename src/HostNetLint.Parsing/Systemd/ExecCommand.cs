using System.Collections.Immutable;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Parsing.Systemd;

/// <summary>One command of an <c>Exec*=</c> value: prefixes, executable and arguments.</summary>
public sealed class ExecCommand
{
    internal ExecCommand(ExecPrefixes prefixes, TextSpan prefixSpan, ExecArgument executable, ImmutableArray<ExecArgument> arguments, TextSpan span)
    {
        Prefixes = prefixes;
        PrefixSpan = prefixSpan;
        Executable = executable;
        Arguments = arguments;
        Span = span;
    }

    public ExecPrefixes Prefixes { get; }

    /// <summary>
    /// The prefix characters as written (empty when there are none). When prefixes hide inside quotes or
    /// escapes, this is an empty span at the start of the word.
    /// </summary>
    public TextSpan PrefixSpan { get; }

    /// <summary>The program: an absolute path or a name systemd looks up in its fixed search path.</summary>
    public ExecArgument Executable { get; }

    /// <summary>The words after the executable. With <see cref="ExecPrefixes.ArgumentZero"/> the first is <c>argv[0]</c>.</summary>
    public ImmutableArray<ExecArgument> Arguments { get; }

    /// <summary>What the process sees as <c>argv[0]</c>.</summary>
    public ExecArgument ArgumentZero => (Prefixes & ExecPrefixes.ArgumentZero) != 0 && !Arguments.IsEmpty ? Arguments[0] : Executable;

    /// <summary>The arguments after <c>argv[0]</c>, as the process receives them.</summary>
    public ImmutableArray<ExecArgument> ProcessArguments => (Prefixes & ExecPrefixes.ArgumentZero) != 0 && !Arguments.IsEmpty ? Arguments[1..] : Arguments;

    /// <summary>From the first prefix to the end of the last argument.</summary>
    public TextSpan Span { get; }

    public override string ToString() => string.Join(' ', [Executable.Value, .. Arguments.Select(a => a.Value)]);
}
