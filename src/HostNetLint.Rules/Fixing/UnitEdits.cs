using HostNetLint.Parsing.Systemd;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Rules.Fixing;

/// <summary>
/// Text edits on systemd unit files and quadlets: add an item to a list line, add a line to a section,
/// replace a list item, remove an entry or Exec-line arguments. New lines use the file's own line break.
/// Methods return null when the edit cannot be made safely.
/// </summary>
public static class UnitEdits
{
    /// <summary>[Unit] keys that order or pull in other units; a new ordering line goes after the last of them.</summary>
    private static readonly string[] OrderingKeys = ["After", "Before", "Wants", "Requires", "Requisite", "BindsTo", "PartOf", "Upholds", "Conflicts"];

    /// <summary>Appends <paramref name="item"/> to a list-valued entry (<c>After=a b</c> becomes <c>After=a b item</c>).</summary>
    public static TextEdit? AppendToList(UnitEntry entry, string item)
    {
        ArgumentNullException.ThrowIfNull(entry);

        // "After=" alone resets the list; appending would silently drop the reset.
        return entry.IsEmptyAssignment ? null : TextEdit.Insert(entry.Span.End, " " + item);
    }

    /// <summary>Inserts <paramref name="line"/> (without line break) as the line after <paramref name="entry"/>'s last physical line.</summary>
    public static TextEdit InsertLineAfter(UnitEntry entry, string line)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = entry.Source;
        var end = entry.FullSpan.End;
        var hasBreak = end > 0 && text.Text[end - 1] is '\n' or '\r';
        return hasBreak
            ? TextEdit.Insert(end, line + text.DominantLineBreak)
            : TextEdit.Insert(end, text.DominantLineBreak + line);
    }

    /// <summary>
    /// Adds <c>key=value</c> to <paramref name="sectionName"/> of <paramref name="syntax"/>: appended to the last
    /// non-empty <paramref name="key"/>= line when there is one, else as a new line after the section's ordering
    /// lines (or its last entry, or its header). A missing section is created before the first one (after any
    /// leading comments), followed by a blank line.
    /// </summary>
    public static TextEdit? AddToSectionList(UnitFileSyntax syntax, string sectionName, string key, string value)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        var text = syntax.Text;
        var lineBreak = text.DominantLineBreak;
        var sections = syntax.Sections.Where(s => s.Name == sectionName && s.IsHeaderValid).ToList();
        if (sections.Count == 0)
        {
            var block = $"[{sectionName}]{lineBreak}{key}={value}{lineBreak}";
            if (syntax.Sections.IsEmpty)
            {
                return TextEdit.Insert(text.Length, text.Length > 0 && text.Text[^1] is not ('\n' or '\r') ? lineBreak + block : block);
            }

            var first = text.GetLineStart(text.GetLinePosition(syntax.Sections[0].HeaderSpan.Start).Line);
            return TextEdit.Insert(first, block + lineBreak);
        }

        var entries = sections.SelectMany(s => s.Entries).ToList();
        if (entries.LastOrDefault(e => e.Key == key) is { } last)
        {
            if (AppendToList(last, value) is { } append)
            {
                return append;
            }
        }

        var anchor = entries.LastOrDefault(e => OrderingKeys.Contains(e.Key, StringComparer.Ordinal)) ?? entries.LastOrDefault();
        if (anchor is not null)
        {
            return InsertLineAfter(anchor, $"{key}={value}");
        }

        // An empty section: the new line goes right after the header line.
        var headerLine = text.GetLinePosition(sections[^1].HeaderSpan.Start).Line;
        var full = text.GetFullLineSpan(headerLine);
        return full.End > text.GetLineSpan(headerLine).End
            ? TextEdit.Insert(full.End, $"{key}={value}{lineBreak}")
            : TextEdit.Insert(full.End, $"{lineBreak}{key}={value}");
    }

    /// <summary>Replaces one item of a list line (<c>network.target</c> with <c>network-online.target</c>).</summary>
    public static TextEdit ReplaceItem(UnitListItem item, string replacement)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new TextEdit(item.Span, replacement);
    }

    /// <summary>Removes an entry with all its physical lines (continuations included).</summary>
    public static TextEdit RemoveEntry(UnitEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var span = entry.FullSpan;
        var text = entry.Source;
        if (span.End == text.Length && span.End > 0 && text.Text[span.End - 1] is not ('\n' or '\r') && span.Start > 0)
        {
            // The last line has no line break: remove the one before it, so the file still ends without one.
            var previous = text.GetLinePosition(span.Start).Line - 1;
            return TextEdit.Delete(TextSpan.FromBounds(text.GetLineSpan(previous).End, span.End));
        }

        return TextEdit.Delete(span);
    }

    /// <summary>
    /// Inserts <c>--network=host</c> after the subcommand of a <c>podman run</c>/<c>create</c> or <c>podman pod create</c>
    /// Exec line (its first <c>run</c> or <c>create</c> word); null when the line has no such word or already names a network.
    /// </summary>
    public static TextEdit? AddPodmanHostNetwork(ExecCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var run = command.ProcessArguments.FirstOrDefault(a => a.Value is "run" or "create");
        if (run is null || command.ProcessArguments.Any(a => a.Value is "--network" or "--net" || a.Value.StartsWith("--network=", StringComparison.Ordinal) || a.Value.StartsWith("--net=", StringComparison.Ordinal)))
        {
            return null;
        }

        return TextEdit.Insert(run.Span.End, " --network=host");
    }

    /// <summary>
    /// Removes the port-publishing flags (<c>-p X</c>, <c>-pX</c>, <c>--publish X</c>, <c>--publish=X</c>) of a
    /// <c>podman run</c> Exec line, each with the blank before it. Only flags before the image (the first
    /// non-option word after <c>run</c>) are podman's; the rest belong to the container's command.
    /// </summary>
    public static IReadOnlyList<TextEdit> RemovePodmanPublishFlags(SourceText text, ExecCommand command)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(command);
        var arguments = command.ProcessArguments;
        var edits = new List<TextEdit>();
        var runIndex = arguments.IndexOf(arguments.FirstOrDefault(a => a.Value == "run")!);
        if (runIndex < 0)
        {
            return edits;
        }

        for (var i = runIndex + 1; i < arguments.Length; i++)
        {
            var value = arguments[i].Value;
            if (!value.StartsWith('-'))
            {
                break;
            }

            var last = i;
            if (value is "-p" or "--publish")
            {
                last = Math.Min(i + 1, arguments.Length - 1);
            }
            else if (!(value.StartsWith("-p", StringComparison.Ordinal) && value.Length > 2 && value[2] != '-') && !value.StartsWith("--publish=", StringComparison.Ordinal))
            {
                // Another option; options taking a separate value are left to the loop (their value does not start with '-').
                if (i + 1 < arguments.Length && !arguments[i + 1].Value.StartsWith('-') && !value.Contains('=', StringComparison.Ordinal) && TakesValue(value))
                {
                    i++;
                }

                continue;
            }

            var start = arguments[i].Span.Start;
            while (start > 0 && text.Text[start - 1] is ' ' or '\t')
            {
                start--;
            }

            edits.Add(TextEdit.Delete(TextSpan.FromBounds(start, arguments[last].Span.End)));
            i = last;
        }

        return edits;
    }

    /// <summary>podman run options that take a separate value (a small, common set; unknown ones end the scan safely).</summary>
    private static bool TakesValue(string option) => option is
        "--name" or "-v" or "--volume" or "-e" or "--env" or "--env-file" or "--label" or "-l" or "--user" or "-u" or "--workdir" or "-w"
        or "--entrypoint" or "--hostname" or "-h" or "--pod" or "--restart" or "--mount" or "--secret" or "--cap-add" or "--cap-drop"
        or "--device" or "--add-host" or "--dns" or "--log-driver" or "--log-opt" or "--memory" or "-m" or "--cpus" or "--security-opt"
        or "--tmpfs" or "--userns" or "--pull" or "--health-cmd" or "--stop-signal" or "--stop-timeout" or "--network" or "--net";
}
