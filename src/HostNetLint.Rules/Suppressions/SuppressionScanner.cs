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
        var commentLines = comments
            .Where(c => string.IsNullOrWhiteSpace(text.Text[text.GetLineStart(text.GetLinePosition(c.Start).Line)..c.Start]))
            .Select(c => text.GetLinePosition(c.Start).Line)
            .ToHashSet();
        var entries = document.Yaml is { } tree ? MappingEntries(tree) : [];
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
                SuppressionKind.Line => LineScope(text, line, entries),
                SuppressionKind.NextLine => NextCodeLine(text, line, commentLines) is { } next ? LineScope(text, next, entries) : default,
                _ => default,
            };
            directives.Add(directive with { Scope = scope });
        }

        return CloseBlocks(directives, text.Length);
    }

    /// <summary>A block runs from its disable comment to the first later enable naming the same rule.</summary>
    private static ImmutableArray<SuppressionDirective> CloseBlocks(List<SuppressionDirective> directives, int length)
    {
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
            foreach (var id in directive.RuleIds.DefaultIfEmpty())
            {
                var end = length;
                if (id is not null)
                {
                    var enable = directives.Skip(i + 1).FirstOrDefault(d => d.Kind == SuppressionKind.Enable && d.RuleIds.Any(r => r.Id == id.Id));
                    if (enable is not null)
                    {
                        end = enable.Comment.Span.Start;
                    }
                }

                result.Add(directive with
                {
                    RuleIds = id is null ? [] : [id],
                    Scope = TextSpan.FromBounds(directive.Comment.Span.End, end),
                });
            }
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// A line, widened by every mapping entry whose key starts on it: a suppression on a service key covers
    /// the whole service, one on <c>ports:</c> covers every port below it.
    /// </summary>
    private static TextSpan LineScope(SourceText text, int line, List<YamlMappingEntry> entries)
    {
        var span = text.GetLineSpan(line);
        var end = span.End;
        foreach (var entry in entries)
        {
            if (span.Contains(entry.Key.Span.Start))
            {
                end = Math.Max(end, entry.Span.End);
            }
        }

        return TextSpan.FromBounds(span.Start, end);
    }

    private static int? NextCodeLine(SourceText text, int line, HashSet<int> commentLines)
    {
        for (var next = line + 1; next < text.LineCount; next++)
        {
            if (!commentLines.Contains(next) && !string.IsNullOrWhiteSpace(text.ToString(text.GetLineSpan(next))))
            {
                return next;
            }
        }

        return null;
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

    private static List<YamlMappingEntry> MappingEntries(YamlSyntaxTree tree)
    {
        var entries = new List<YamlMappingEntry>();
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
