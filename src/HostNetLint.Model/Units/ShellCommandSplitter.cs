using HostNetLint.Model.Workloads;
using HostNetLint.Parsing.Systemd;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Model.Units;

/// <summary>
/// Finds the simple commands an <c>Exec*=</c> line runs: the command itself, or what it runs through
/// <c>env</c>, <c>exec</c>, <c>systemd-run</c> or <c>sh -c '...'</c> (split at <c>&amp;&amp;</c>, <c>||</c>, <c>;</c>, <c>|</c>).
/// </summary>
internal static class ShellCommandSplitter
{
    // sh -c "sh -c '...'" nests; deeper than this is not a deployment script worth reading.
    private const int MaxNesting = 4;

    private static readonly HashSet<string> Shells = new(StringComparer.Ordinal) { "sh", "bash", "dash", "ash", "zsh", "ksh" };

    private static readonly HashSet<string> Operators = new(StringComparer.Ordinal) { "&&", "||", ";", "|", "&" };

    // systemd-run's options that take a value when it is not attached with '=' (systemd-run --help, systemd 252).
    private static readonly HashSet<string> SystemdRunValueOptions = new(StringComparer.Ordinal)
    {
        "-u", "--unit", "-p", "--property", "--description", "--slice", "-E", "--setenv", "--uid", "--gid", "--nice",
        "--working-directory", "-H", "--host", "-M", "--machine", "--service-type", "--path-property", "--socket-property",
        "--timer-property", "--on-active", "--on-boot", "--on-startup", "--on-unit-active", "--on-unit-inactive", "--on-calendar",
    };

    public static List<List<UnitWord>> Split(ExecCommandLine line)
    {
        var result = new List<List<UnitWord>>();
        foreach (var command in line.Commands)
        {
            var words = new List<UnitWord> { Word(line.Entry.Source, command.Executable) };
            words.AddRange(command.ProcessArguments.Select(argument => Word(line.Entry.Source, argument)));
            Unwrap(words, 0, result);
        }

        return result;
    }

    /// <summary>The last path segment of a program name (<c>/usr/bin/podman</c> is <c>podman</c>).</summary>
    public static string ProgramName(string word)
    {
        var slash = word.LastIndexOf('/');
        return slash < 0 ? word : word[(slash + 1)..];
    }

    private static UnitWord Word(SourceText source, ExecArgument argument) =>
        new(argument.Value, argument.RawText, new Location(source, argument.Span));

    private static void Unwrap(List<UnitWord> words, int depth, List<List<UnitWord>> result)
    {
        var start = 0;
        while (start < words.Count)
        {
            var program = ProgramName(words[start].Text);
            if (program == "exec")
            {
                start++;
            }
            else if (program == "systemd-run")
            {
                // systemd-run [OPTIONS...] COMMAND [ARGS...] runs COMMAND in a transient unit.
                start++;
                while (start < words.Count && words[start].Text.StartsWith('-'))
                {
                    var option = words[start].Text;
                    start += option == "--" || !SystemdRunValueOptions.Contains(option) ? 1 : 2;
                    if (option == "--")
                    {
                        break;
                    }
                }
            }
            else if (program == "env")
            {
                start++;
                while (start < words.Count && (words[start].Text.StartsWith('-') || words[start].Text.Contains('=', StringComparison.Ordinal)))
                {
                    // -u NAME and -C DIR take a value; other env options and VAR=value assignments stand alone.
                    start += words[start].Text is "-u" or "--unset" or "-C" or "--chdir" ? 2 : 1;
                }
            }
            else
            {
                break;
            }
        }

        if (start >= words.Count)
        {
            return;
        }

        if (Shells.Contains(ProgramName(words[start].Text)))
        {
            if (depth < MaxNesting && FindScript(words, start + 1) is { } script)
            {
                foreach (var command in SplitScript(script))
                {
                    Unwrap(command, depth + 1, result);
                }
            }

            return;
        }

        result.Add(words[start..]);
    }

    /// <summary>The word after <c>-c</c> (or a combined option such as <c>-ec</c>), when there is one.</summary>
    private static UnitWord? FindScript(List<UnitWord> words, int start)
    {
        for (var i = start; i < words.Count - 1; i++)
        {
            var text = words[i].Text;
            if (!text.StartsWith('-') || text.StartsWith("--", StringComparison.Ordinal))
            {
                return null;
            }

            if (text.Contains('c', StringComparison.Ordinal))
            {
                return words[i + 1];
            }
        }

        return null;
    }

    private static List<List<UnitWord>> SplitScript(UnitWord script)
    {
        var commands = new List<List<UnitWord>>();
        var current = new List<UnitWord>();
        foreach (var word in script.SplitShell())
        {
            if (Operators.Contains(word.Raw))
            {
                Flush();
                continue;
            }

            // "cd /srv;" ends a command too.
            var trailingSemicolon = word.Raw.Length > 1 && word.Raw.EndsWith(';') && word.Text.EndsWith(';');
            current.Add(trailingSemicolon ? TrimLast(word) : word);
            if (trailingSemicolon)
            {
                Flush();
            }
        }

        Flush();
        return commands;

        static UnitWord TrimLast(UnitWord word)
        {
            var span = word.Location.Span;
            var exact = span.Length == word.Raw.Length;
            var location = exact ? new Location(word.Location.Source, new TextSpan(span.Start, span.Length - 1)) : word.Location;
            return new UnitWord(word.Text[..^1], word.Raw[..^1], location);
        }

        void Flush()
        {
            if (current.Count > 0)
            {
                commands.Add(current);
                current = [];
            }
        }
    }
}
