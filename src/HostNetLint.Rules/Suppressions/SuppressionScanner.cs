using System.Collections.Immutable;
using HostNetLint.Model;
using HostNetLint.Parsing.Text;
using HostNetLint.Parsing.Yaml;

namespace HostNetLint.Rules.Suppressions;

/// <summary>
/// Finds the suppression comments of one document and works out what each covers. YAML comments come
/// from the syntax tree (so a <c>#</c> inside a string is never one); other files (units, quadlets,
/// <c>.env</c>) have whole-line comments starting with <c>#</c> or <c>;</c>, as systemd reads them.
/// </summary>
public static class SuppressionScanner
{
    public static ImmutableArray<SuppressionDirective> Scan(SourceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        List<TextSpan> comments = document.Yaml is { } yaml
            ? [.. yaml.Comments.Select(c => c.Span)]
            : LineComments(text);
        if (comments.Count == 0)
        {
            return [];
        }

        // Lines that are nothing but a comment; a line with a comment after its content is code for disable-next-line.
        var commentLines = new HashSet<int>();
        foreach (var comment in comments)
        {
            var line = text.GetLinePosition(comment.Start).Line;
            var lineStart = text.GetLineStart(line);
            if (text.Text.AsSpan(lineStart, comment.Start - lineStart).IsWhiteSpace())
            {
                commentLines.Add(line);
            }
        }

        var lines = new LineScopes(text, document.Yaml, commentLines);
        var directives = new List<SuppressionDirective>();
        foreach (var span in comments)
        {
            if (SuppressionCommentParser.Parse(text, span) is not { } directive)
            {
                continue;
            }

            var line = text.GetLinePosition(span.Start).Line;
            var scope = directive.Kind switch
            {
                SuppressionKind.File => new TextSpan(0, text.Length),
                SuppressionKind.Line => lines.Scope(line),
                SuppressionKind.NextLine => lines.NextCodeLine(line) is { } next ? lines.Scope(next) : default,
                _ => default,
            };
            directives.Add(directive with { Scope = scope });
        }

        return CloseBlocks(directives, text.Length);
    }

    /// <summary>A block runs from its disable comment to the first later enable naming the same rule.</summary>
    private static ImmutableArray<SuppressionDirective> CloseBlocks(List<SuppressionDirective> directives, int length)
    {
        // Where each rule's next enable starts, seen from each directive: one pass from the end, not a scan per block.
        var blockEnds = new int[directives.Count][];
        var nextEnable = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = directives.Count - 1; i >= 0; i--)
        {
            var directive = directives[i];
            if (directive.Kind == SuppressionKind.Disable)
            {
                blockEnds[i] = [.. directive.RuleIds.Select(id => nextEnable.GetValueOrDefault(id.Id, length))];
            }
            else if (directive.Kind == SuppressionKind.Enable)
            {
                foreach (var id in directive.RuleIds)
                {
                    nextEnable[id.Id] = directive.Comment.Span.Start;
                }
            }
        }

        var result = ImmutableArray.CreateBuilder<SuppressionDirective>(directives.Count);
        for (var i = 0; i < directives.Count; i++)
        {
            var directive = directives[i];
            if (directive.Kind != SuppressionKind.Disable)
            {
                result.Add(directive);
                continue;
            }

            // Each ID of a block can end at a different enable; split the block per ID.
            if (directive.RuleIds.IsEmpty)
            {
                result.Add(directive with { RuleIds = [], Scope = TextSpan.FromBounds(directive.Comment.Span.End, length) });
            }

            for (var k = 0; k < directive.RuleIds.Length; k++)
            {
                result.Add(directive with
                {
                    RuleIds = [directive.RuleIds[k]],
                    Scope = TextSpan.FromBounds(directive.Comment.Span.End, blockEnds[i][k]),
                });
            }
        }

        return result.ToImmutable();
    }

    private static List<TextSpan> LineComments(SourceText text)
    {
        var comments = new List<TextSpan>();
        for (var line = 0; line < text.LineCount; line++)
        {
            var span = text.GetLineSpan(line);
            var content = text.Text.AsSpan(span.Start, span.Length);
            var indent = content.Length - content.TrimStart().Length;
            if (indent < content.Length && content[indent] is '#' or ';')
            {
                comments.Add(TextSpan.FromBounds(span.Start + indent, span.End));
            }
        }

        return comments;
    }

    /// <summary>
    /// The lines of one document as suppressions see them, each table built once on first use, so a suppression on
    /// every line costs no more than the document.
    /// </summary>
    private sealed class LineScopes(SourceText text, YamlSyntaxTree? tree, HashSet<int> commentLines)
    {
        private Dictionary<int, int>? entryEnds;
        private int[]? nextCodeLines;

        /// <summary>
        /// A line, widened by every mapping entry whose key starts on it: a suppression on a service key covers
        /// the whole service, one on <c>ports:</c> covers every port below it.
        /// </summary>
        public TextSpan Scope(int line)
        {
            entryEnds ??= EntryEnds();
            var span = text.GetLineSpan(line);
            return TextSpan.FromBounds(span.Start, Math.Max(span.End, entryEnds.GetValueOrDefault(line)));
        }

        /// <summary>The first line after <paramref name="line"/> that is neither blank nor a comment, or null.</summary>
        public int? NextCodeLine(int line)
        {
            nextCodeLines ??= NextCodeLines();
            return line + 1 < nextCodeLines.Length && nextCodeLines[line + 1] >= 0 ? nextCodeLines[line + 1] : null;
        }

        /// <summary>For each line, the end of the widest mapping entry whose key starts on it.</summary>
        private Dictionary<int, int> EntryEnds()
        {
            var ends = new Dictionary<int, int>();
            foreach (var entry in MappingEntries())
            {
                var line = text.GetLinePosition(entry.Key.Span.Start).Line;
                if (text.GetLineSpan(line).Contains(entry.Key.Span.Start))
                {
                    ends[line] = Math.Max(ends.GetValueOrDefault(line), entry.Span.End);
                }
            }

            return ends;
        }

        /// <summary>For each line, itself when it holds code, else the next line that does (-1 for none): one pass from the end.</summary>
        private int[] NextCodeLines()
        {
            var next = new int[text.LineCount];
            for (var line = text.LineCount - 1; line >= 0; line--)
            {
                var span = text.GetLineSpan(line);
                var isCode = !commentLines.Contains(line) && !text.Text.AsSpan(span.Start, span.Length).IsWhiteSpace();
                next[line] = isCode ? line : line + 1 < next.Length ? next[line + 1] : -1;
            }

            return next;
        }

        private List<YamlMappingEntry> MappingEntries()
        {
            var entries = new List<YamlMappingEntry>();
            if (tree is null)
            {
                return entries;
            }

            var stack = new Stack<YamlNode>(tree.Documents.Where(d => d.Root is not null).Select(d => d.Root!));
            while (stack.Count > 0)
            {
                switch (stack.Pop())
                {
                    case YamlMapping mapping:
                        foreach (var entry in mapping.Entries)
                        {
                            entries.Add(entry);
                            stack.Push(entry.Key);
                            stack.Push(entry.Value);
                        }

                        break;
                    case YamlSequence sequence:
                        foreach (var item in sequence.Items)
                        {
                            stack.Push(item);
                        }

                        break;
                }
            }

            return entries;
        }
    }
}
