using HostNetLint.Fuzz.Invariants;
using HostNetLint.Parsing.Text;
using HostNetLint.Parsing.Yaml;

namespace HostNetLint.Fuzz.Targets;

/// <summary>
/// The YAML tree (src/HostNetLint.Parsing/Yaml) over raw bytes: decoding, YamlDotNet's scanner and parser, the tree
/// builder's limits and the comment scan. Beyond "no exception": every node, comment and problem lies inside the text,
/// every child inside its parent, and every comment starts at a <c>#</c>.
/// </summary>
public static class YamlTreeTarget
{
    public static void Run(ReadOnlySpan<byte> input)
    {
        var text = SourceText.Decode(input, Bundle.SingleFileName);
        var tree = YamlSyntaxTree.Parse(text);
        foreach (var problem in tree.Problems)
        {
            Spans.CheckWithin(problem.Span, text.Length, $"problem '{problem.Message}'");
            if (problem.RelatedSpan is { } related)
            {
                Spans.CheckWithin(related, text.Length, $"related span of problem '{problem.Message}'");
            }
        }

        foreach (var comment in tree.Comments)
        {
            Spans.CheckWithin(comment.Span, text.Length, "comment");
            InvariantViolationException.ThrowUnless(
                !comment.Span.IsEmpty && text.Text[comment.Span.Start] == '#',
                $"comment at {comment.Span} does not start at a '#'");
        }

        foreach (var document in tree.Documents)
        {
            Spans.CheckWithin(document.Span, text.Length, "document");
            if (document.Root is { } root)
            {
                CheckNodes(root, text.Length);
            }
        }
    }

    private static void CheckNodes(YamlNode root, int length)
    {
        Spans.CheckWithin(root.Span, length, "root node");
        var pending = new Stack<YamlNode>();
        pending.Push(root);
        while (pending.TryPop(out var node))
        {
            IEnumerable<YamlNode> children = node switch
            {
                YamlMapping mapping => mapping.Entries.SelectMany(e => new[] { e.Key, e.Value }),
                YamlSequence sequence => sequence.Items,
                _ => [],
            };
            foreach (var child in children)
            {
                // Children are inside their parent; an alias's target is elsewhere and is checked where it is written.
                Spans.CheckWithin(child.Span, node.Span, $"{child.GetType().Name} in a {node.GetType().Name}");
                pending.Push(child);
            }
        }
    }
}
