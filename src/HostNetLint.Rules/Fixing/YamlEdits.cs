using HostNetLint.Parsing.Text;
using HostNetLint.Parsing.Yaml;

namespace HostNetLint.Rules.Fixing;

/// <summary>
/// Text edits on YAML that change one mapping entry and nothing else: the rest of the file, its comments,
/// blank lines, quoting and line breaks stay byte for byte. Each method returns null when it cannot make
/// the edit safely (the caller then offers no fix).
/// </summary>
public static class YamlEdits
{
    /// <summary>
    /// Removes entry <paramref name="index"/> of <paramref name="mapping"/>: key, value, the comment lines directly
    /// above it at its indentation (when <paramref name="withLeadingComments"/>) and the comment lines that follow
    /// it indented deeper (commented-out items of its value). A blank line left doubled is removed as well.
    /// </summary>
    public static TextEdit? RemoveEntry(SourceText text, YamlMapping mapping, int index, bool withLeadingComments = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(mapping);
        if (index < 0 || index >= mapping.Entries.Length || mapping.Entries.Length < 2)
        {
            // Removing the only entry would turn the mapping into null, which changes its meaning.
            return null;
        }

        return mapping.IsFlow
            ? RemoveFlowEntry(mapping, index)
            : RemoveBlockEntry(text, mapping.Entries[index], withLeadingComments, previousEndsWithBlockScalar: index > 0 && EndsWithBlockScalar(mapping.Entries[index - 1].Value));
    }

    /// <summary>
    /// Adds <c>key: value</c> as the last entry of <paramref name="mapping"/>: a new line at the mapping's
    /// indentation with the file's own line break for a block mapping, <c>, key: value</c> for a flow mapping.
    /// </summary>
    public static TextEdit? InsertEntry(SourceText text, YamlMapping mapping, string key, string value)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(mapping);
        if (mapping.IsFlow)
        {
            if (!mapping.Entries.IsEmpty)
            {
                return TextEdit.Insert(mapping.Entries[^1].Span.End, ", " + key + ": " + value);
            }

            var brace = text.Text.IndexOf('{', mapping.Span.Start, mapping.Span.Length);
            return brace < 0 ? null : TextEdit.Insert(brace + 1, key + ": " + value);
        }

        if (mapping.Entries.IsEmpty)
        {
            return null;
        }

        var column = text.GetLinePosition(mapping.Entries[0].Key.Span.Start).Character;
        var lineBreak = text.DominantLineBreak;
        var pair = new string(' ', column) + key + ": " + value;
        if (EndsWithBlockScalar(mapping.Entries[^1].Value))
        {
            // Lines after a block scalar may belong to it (keep chomping, |+), and a line break added after its last line
            // at the end of a file becomes part of its value ("echo hi" turns into "echo hi\n"): go in before the entry instead.
            return InsertBeforeEntry(text, mapping.Entries[^1], column, pair + lineBreak);
        }

        if (!TryGetEndLine(text, mapping.Entries[^1], out var lastLine))
        {
            return null;
        }

        lastLine = SkipTrailingComments(text, lastLine, column);
        var full = text.GetFullLineSpan(lastLine);
        return text.GetLineSpan(lastLine).End == full.End
            ? TextEdit.Insert(full.End, lineBreak + pair)
            : TextEdit.Insert(full.End, pair + lineBreak);
    }

    /// <summary>Replaces a scalar value, such as <c>network_mode: bridge</c>, with plain <paramref name="newValue"/>.</summary>
    public static TextEdit? ReplaceScalar(YamlNode value, string newValue)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value is YamlScalar { Style: not (YamlScalarStyle.Literal or YamlScalarStyle.Folded) } scalar && scalar.Anchor is null && scalar.Tag is null
            ? new TextEdit(scalar.Span, newValue)
            : null;
    }

    private static TextEdit? RemoveFlowEntry(YamlMapping mapping, int index)
    {
        var entry = mapping.Entries[index];
        return index > 0
            ? TextEdit.Delete(TextSpan.FromBounds(mapping.Entries[index - 1].Span.End, entry.Span.End))
            : TextEdit.Delete(TextSpan.FromBounds(entry.Span.Start, mapping.Entries[1].Span.Start));
    }

    /// <summary>
    /// True when the last text of <paramref name="node"/> is a literal or folded block scalar (itself, or the last value
    /// of its last entry or item, at any depth): the line breaks after it belong to its value.
    /// </summary>
    public static bool EndsWithBlockScalar(YamlNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        for (var depth = 0; depth < 256; depth++)
        {
            switch (node)
            {
                case YamlMapping { Entries.IsEmpty: false } mapping when !mapping.IsFlow:
                    node = mapping.Entries[^1].Value;
                    break;
                case YamlSequence { Items.IsEmpty: false } sequence when !sequence.IsFlow:
                    node = sequence.Items[^1];
                    break;
                default:
                    // An alias's text is "*name", and flow collections end with their bracket.
                    return node is YamlScalar { Style: YamlScalarStyle.Literal or YamlScalarStyle.Folded };
            }
        }

        return true;
    }

    private static TextEdit? RemoveBlockEntry(SourceText text, YamlMappingEntry entry, bool withLeadingComments, bool previousEndsWithBlockScalar)
    {
        var keyStart = entry.Span.Start;
        var keyPosition = text.GetLinePosition(keyStart);
        var firstLine = keyPosition.Line;
        if (!IsBlank(text.Text.AsSpan(text.GetLineStart(firstLine), keyPosition.Character)) || !TryGetEndLine(text, entry, out var lastLine))
        {
            // The key shares its line with something else (a "- " item marker): no line-based removal.
            return null;
        }

        lastLine = SkipTrailingComments(text, lastLine, keyPosition.Character);
        if (withLeadingComments)
        {
            while (firstLine > 0 && IsCommentLineAt(text, firstLine - 1, keyPosition.Character))
            {
                firstLine--;
            }
        }

        var start = text.GetLineStart(firstLine);
        var end = text.GetFullLineSpan(lastLine).End;
        if (end == text.Length && text.GetLineSpan(lastLine).End == end && firstLine > 0 && !previousEndsWithBlockScalar)
        {
            // The last line has no line break: take the previous one instead, so the file still ends without one. Not
            // after a block scalar, whose value that line break is part of: the file then keeps its last line break.
            start = text.GetLineSpan(firstLine - 1).End;
        }
        else if ((firstLine == 0 || IsBlankLine(text, firstLine - 1)) && lastLine + 1 < text.LineCount && IsBlankLine(text, lastLine + 1)
            && text.GetFullLineSpan(lastLine + 1).End > text.GetLineSpan(lastLine + 1).End)
        {
            // Do not leave a blank line at the top of the file, or two blank lines where there was one.
            end = text.GetFullLineSpan(lastLine + 1).End;
        }

        return TextEdit.Delete(TextSpan.FromBounds(start, end));
    }

    /// <summary>Inserts a whole line before <paramref name="entry"/> and the comment lines directly above it; null when the key does not begin its line.</summary>
    private static TextEdit? InsertBeforeEntry(SourceText text, YamlMappingEntry entry, int column, string line)
    {
        var position = text.GetLinePosition(entry.Span.Start);
        if (position.Character != column || !IsBlank(text.Text.AsSpan(text.GetLineStart(position.Line), position.Character)))
        {
            return null;
        }

        var first = position.Line;
        while (first > 0 && IsCommentLineAt(text, first - 1, column))
        {
            first--;
        }

        return TextEdit.Insert(text.GetLineStart(first), line);
    }

    /// <summary>The line holding the entry's last character; false when code (not a comment) follows it on that line.</summary>
    private static bool TryGetEndLine(SourceText text, YamlMappingEntry entry, out int line)
    {
        var end = entry.Span.End;
        var last = end > entry.Span.Start ? end - 1 : end;
        line = text.GetLinePosition(last).Line;
        var lineSpan = text.GetLineSpan(line);
        if (end >= lineSpan.End)
        {
            return true;
        }

        var rest = text.Text.AsSpan(end, lineSpan.End - end).TrimStart(" \t");
        return rest.IsEmpty || rest[0] == '#';
    }

    private static int SkipTrailingComments(SourceText text, int line, int column)
    {
        while (line + 1 < text.LineCount && IsCommentLineDeeperThan(text, line + 1, column))
        {
            line++;
        }

        return line;
    }

    private static bool IsCommentLineAt(SourceText text, int line, int column)
    {
        var content = text.Text.AsSpan(text.GetLineSpan(line).Start, text.GetLineSpan(line).Length);
        var indent = content.Length - content.TrimStart(' ').Length;
        return indent == column && indent < content.Length && content[indent] == '#';
    }

    private static bool IsCommentLineDeeperThan(SourceText text, int line, int column)
    {
        var content = text.Text.AsSpan(text.GetLineSpan(line).Start, text.GetLineSpan(line).Length);
        var indent = content.Length - content.TrimStart(' ').Length;
        return indent > column && indent < content.Length && content[indent] == '#';
    }

    private static bool IsBlankLine(SourceText text, int line) => IsBlank(text.Text.AsSpan(text.GetLineSpan(line).Start, text.GetLineSpan(line).Length));

    private static bool IsBlank(ReadOnlySpan<char> text) => text.TrimStart(" \t").IsEmpty;
}
