using System.Collections.Immutable;
using HostNetLint.Parsing.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HostNetLint.Parsing.Yaml;

/// <summary>
/// Builds a <see cref="YamlSyntaxTree"/> from YamlDotNet's event parser with an explicit stack.
/// YamlDotNet's own representation model recurses without a guard, drops comments and throws on the
/// first duplicate key; this builder keeps all of those as data and stops at the configured limits.
/// </summary>
internal sealed class YamlTreeBuilder
{
    // Up to this many entries a duplicate key is found by scanning the keys before it: most mappings are this small,
    // and a dictionary for each was a large share of the tree's allocations.
    private const int SmallMapping = 16;

    private readonly SourceText text;
    private readonly YamlParseLimits limits;
    private readonly List<ParseProblem> problems = [];
    private readonly List<YamlComment> comments = [];
    private readonly List<YamlDocument> documents = [];
    private readonly Stack<Frame> stack = new();
    private readonly Dictionary<string, Measured> anchors = new(StringComparer.Ordinal);
    private int nodeCount;
    private int documentStart;
    private YamlNode? documentRoot;

    public YamlTreeBuilder(SourceText text, YamlParseLimits limits)
    {
        this.text = text;
        this.limits = limits;
    }

    public YamlSyntaxTree Build()
    {
        if (text.DecodeFailure is { } failure)
        {
            problems.Add(new ParseProblem(ParseProblemKind.Syntax, CharAt(failure.Offset), failure.Message));
            return Finish(isComplete: false);
        }

        if (text.Length > limits.MaxLength)
        {
            problems.Add(new ParseProblem(ParseProblemKind.LimitExceeded, CharAt(0), $"The file is {text.Length:N0} characters long, over the limit of {limits.MaxLength:N0}; it was not parsed"));
            return Finish(isComplete: false);
        }

        var scanner = new CommentCollectingScanner(text.Text, comments);
        var finished = BuildNodes(scanner);
        if (scanner.FailedOnlyForComments)
        {
            // Rare ("%FOO\n# c\n%YAML 1.2"): parse again without comment tokens; the comments read so far stay, as the
            // scanner gives them.
            Restart();
            finished = BuildNodes(new Scanner(new StringReader(text.Text), skipComments: true));
        }

        if (!finished)
        {
            // A limit stopped the build: the file is not analysed, and no comment of it may suppress that.
            comments.Clear();
        }

        return Finish(isComplete: !problems.Exists(p => p.Kind != ParseProblemKind.DuplicateKey));
    }

    /// <summary>
    /// Builds the documents and collects the comments in the same pass; false when a limit stopped it (a syntax error
    /// is recorded and returns true).
    /// </summary>
    private bool BuildNodes(IScanner scanner)
    {
        var lastGoodEnd = 0;
        var collecting = scanner as CommentCollectingScanner;
        try
        {
            var parser = new Parser(scanner);
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                if (!Accept(current))
                {
                    return false;
                }

                lastGoodEnd = Offset(current.End);
            }
        }
        catch (YamlException) when (collecting is { FailedOnlyForComments: true })
        {
            // Build parses again without comment tokens.
        }
        catch (YamlException ex)
        {
            problems.Add(new ParseProblem(ParseProblemKind.Syntax, ExceptionSpan(ex, lastGoodEnd), Describe(ex)));
            collecting?.ReadToEnd(limits.MaxDepth);
        }
#pragma warning disable CA1031 // YamlDotNet throws bare exceptions on some malformed input; each must become a diagnostic.
        catch (Exception)
#pragma warning restore CA1031
        {
            // Seen for an unclosed flow collection ("a: [1, 2\nb: 3"): the innermost open one is the likely culprit.
            var open = stack.FirstOrDefault(f => f.IsFlow && !f.IsPositionless);
            problems.Add(open is null
                ? new ParseProblem(ParseProblemKind.Syntax, CharAt(lastGoodEnd), "Malformed YAML after this point")
                : new ParseProblem(ParseProblemKind.Syntax, CharAt(open.Start), $"Malformed YAML: the flow {(open.IsMapping ? "mapping" : "sequence")} opened here is not closed properly", CharAt(lastGoodEnd)));
            collecting?.ReadToEnd(limits.MaxDepth);
        }

        return true;
    }

    private void Restart()
    {
        problems.Clear();
        documents.Clear();
        stack.Clear();
        anchors.Clear();
        nodeCount = 0;
        documentStart = 0;
        documentRoot = null;
    }

    // Duplicate keys are found when their mapping closes, inner mappings first; report in text order.
    private YamlSyntaxTree Finish(bool isComplete) =>
        new(text, [.. documents], [.. comments], [.. problems.OrderBy(p => p.Span.Start)], isComplete);

    /// <summary>Handles one event; false stops the build (a limit was hit).</summary>
    private bool Accept(ParsingEvent current)
    {
        switch (current)
        {
            case DocumentStart start:
                documentStart = Offset(start.Start);
                documentRoot = null;
                anchors.Clear();
                return true;
            case DocumentEnd end:
                documents.Add(new YamlDocument(documentRoot, TextSpan.FromBounds(documentStart, Math.Max(documentStart, documentRoot?.Span.End ?? Offset(end.End)))));
                return true;
            case Scalar scalar:
                return Complete(
                    new YamlScalar(ScalarSpan(scalar), NameOf(scalar.Anchor), TagOf(scalar.Tag), SharedStrings.Share(scalar.Value), StyleOf(scalar.Style)),
                    new Measured(null!, 1, 0));
            case MappingStart mapping when IsPositionless(mapping):
                // The one-pair mapping of a flow sequence entry ("[b: c]") is synthesized without a position.
                return Push(new Frame(mapping, Floor(), isPositionless: true, isMapping: true, isFlow: true, anchor: null, tag: null));
            case AnchorAlias alias:
                return AcceptAlias(alias);
            case MappingStart mapping:
                return Push(new Frame(mapping, Offset(mapping.Start), isPositionless: false, isMapping: true, mapping.Style == MappingStyle.Flow, NameOf(mapping.Anchor), TagOf(mapping.Tag)));
            case SequenceStart sequence:
                return Push(new Frame(sequence, Offset(sequence.Start), isPositionless: false, isMapping: false, sequence.Style == SequenceStyle.Flow, NameOf(sequence.Anchor), TagOf(sequence.Tag)));
            case MappingEnd or SequenceEnd:
                return Pop(current);
            default:
                return true;
        }
    }

    private bool AcceptAlias(AnchorAlias alias)
    {
        var span = Span(alias);
        var name = alias.Value.Value;
        if (!anchors.TryGetValue(name, out var target))
        {
            problems.Add(new ParseProblem(ParseProblemKind.Syntax, span, $"The alias '*{name}' refers to an anchor that is not defined before it"));
            return Complete(new YamlAlias(span, name, null), new Measured(null!, 1, 0));
        }

        return Complete(new YamlAlias(span, name, target.Node), target with { Node = null!, Aliased = true });
    }

    private bool Push(Frame frame)
    {
        if (stack.Count + 1 > limits.MaxDepth)
        {
            problems.Add(new ParseProblem(ParseProblemKind.LimitExceeded, NonEmpty(StartSpan(frame)), $"The document nests deeper than {limits.MaxDepth} levels; it was not analysed"));
            return false;
        }

        stack.Push(frame);
        return CountNode(StartSpan(frame));
    }

    private bool Pop(ParsingEvent endEvent)
    {
        var frame = stack.Pop();
        var start = frame.Start;
        var end = frame.IsPositionless
            ? frame.Children.Count == 0 ? start : frame.Children[^1].Span.End
            : frame.IsFlow || frame.Children.Count == 0
                ? Math.Max(Offset(frame.StartEvent.End), frame.IsFlow ? FlowEnd(endEvent) : 0)
                : frame.Children[^1].Span.End;
        if (frame.IsPositionless && frame.Children.Count > 0)
        {
            start = Math.Max(start, frame.Children[0].Span.Start);
        }

        var span = TextSpan.FromBounds(start, Math.Max(start, end));
        YamlNode node = frame.IsMapping
            ? new YamlMapping(span, frame.Anchor, frame.Tag, frame.IsFlow, BuildEntries(frame.Children))
            : new YamlSequence(span, frame.Anchor, frame.Tag, frame.IsFlow, [.. frame.Children]);
        return Complete(node, new Measured(null!, frame.ExpandedSize, frame.ExpandedDepth + 1, frame.Aliased));
    }

    private ImmutableArray<YamlMappingEntry> BuildEntries(List<YamlNode> children)
    {
        var entries = ImmutableArray.CreateBuilder<YamlMappingEntry>(children.Count / 2);
        var seen = children.Count / 2 > SmallMapping ? new Dictionary<string, YamlNode>(StringComparer.Ordinal) : null;
        for (var i = 0; i + 1 < children.Count; i += 2)
        {
            var entry = new YamlMappingEntry(children[i], children[i + 1]);
            if (entry.Key is YamlScalar { } key && FirstWithKey(entries, seen, key) is { } first)
            {
                var line = text.GetLinePosition(first.Span.Start).Line + 1;
                problems.Add(new ParseProblem(ParseProblemKind.DuplicateKey, key.Span, $"Duplicate key '{key.Value}' (first defined on line {line}); YAML tools disagree on which one wins", first.Span));
            }

            entries.Add(entry);
        }

        return entries.MoveToImmutable();
    }

    /// <summary>
    /// The first key before <paramref name="key"/> with its text: from <paramref name="seen"/> when there is one (then
    /// <paramref name="key"/> is added to it), else by a scan of <paramref name="earlier"/>.
    /// </summary>
    private static YamlNode? FirstWithKey(ImmutableArray<YamlMappingEntry>.Builder earlier, Dictionary<string, YamlNode>? seen, YamlScalar key)
    {
        if (seen is not null)
        {
            return seen.TryAdd(key.Value, key) ? null : seen[key.Value];
        }

        foreach (var entry in earlier)
        {
            if (entry.Key is YamlScalar { } other && string.Equals(other.Value, key.Value, StringComparison.Ordinal))
            {
                return other;
            }
        }

        return null;
    }

    /// <summary>Attaches a finished node to its parent (or the document) and enforces the expansion limits.</summary>
    private bool Complete(YamlNode node, Measured measure)
    {
        // Collections were counted when they opened; scalars are counted here.
        if (node is YamlScalar && !CountNode(node.Span))
        {
            return false;
        }

        if (node.Anchor is { } anchor)
        {
            anchors[anchor] = measure with { Node = node };
        }

        if (stack.Count == 0)
        {
            documentRoot = node;
            return true;
        }

        var parent = stack.Peek();
        parent.Children.Add(node);
        parent.ExpandedSize += measure.Size;
        parent.ExpandedDepth = Math.Max(parent.ExpandedDepth, measure.Depth);
        parent.Aliased |= measure.Aliased;

        // Without aliases the expanded size is the written size, which MaxNodes bounds with a truer message.
        if (parent.Aliased && parent.ExpandedSize + 1 > limits.MaxExpandedNodes)
        {
            problems.Add(new ParseProblem(ParseProblemKind.LimitExceeded, NonEmpty(node.Span), $"Following aliases here would expand the document to more than {limits.MaxExpandedNodes:N0} nodes (an alias bomb?); it was not analysed"));
            return false;
        }

        if (stack.Count + measure.Depth > limits.MaxDepth)
        {
            problems.Add(new ParseProblem(ParseProblemKind.LimitExceeded, NonEmpty(node.Span), $"Following aliases here nests the document deeper than {limits.MaxDepth} levels; it was not analysed"));
            return false;
        }

        return true;
    }

    /// <summary>
    /// Where the next node can start at the earliest: after the last node of the open collection, or at its start. Nodes
    /// YamlDotNet synthesizes without a position (an empty key, ": x") are placed there rather than at the file's start.
    /// </summary>
    private int Floor()
    {
        if (!stack.TryPeek(out var parent))
        {
            return documentStart;
        }

        return parent.Children.Count == 0 ? parent.Start : Math.Max(parent.Start, parent.Children[^1].Span.End);
    }

    private int SkipBlanksAndComments(int at)
    {
        var source = text.Text;
        while (at < source.Length)
        {
            if (source[at] == '#')
            {
                while (at < source.Length && source[at] is not ('\r' or '\n'))
                {
                    at++;
                }
            }
            else if (source[at] is ' ' or '\t' or '\r' or '\n')
            {
                at++;
            }
            else
            {
                break;
            }
        }

        return at;
    }

    /// <summary>True for the mapping start YamlDotNet gives an implicit flow pair: no position at all, inside a collection.</summary>
    private bool IsPositionless(MappingStart mapping) =>
        stack.Count > 0 && mapping.Start.Equals(Mark.Empty) && mapping.End.Equals(Mark.Empty);

    private TextSpan StartSpan(Frame frame) => frame.IsPositionless ? CharAt(frame.Start) : Span(frame.StartEvent);

    private bool CountNode(TextSpan at)
    {
        if (++nodeCount <= limits.MaxNodes)
        {
            return true;
        }

        problems.Add(new ParseProblem(ParseProblemKind.LimitExceeded, NonEmpty(at), $"The file has more than {limits.MaxNodes:N0} YAML nodes; it was not analysed"));
        return false;
    }

    /// <summary>YamlDotNet's flow end event is empty and sits on the bracket; the span must include it.</summary>
    private int FlowEnd(ParsingEvent endEvent)
    {
        var at = Offset(endEvent.Start);
        return at < text.Length && text.Text[at] is ']' or '}' ? at + 1 : Offset(endEvent.End);
    }

    /// <summary>
    /// A block scalar's end mark lies after its trailing blank lines; those belong to no node, so the
    /// span (and the enclosing mapping's) ends with the last line that has text.
    /// </summary>
    private TextSpan ScalarSpan(Scalar scalar)
    {
        var span = Span(scalar);
        if (span.IsEmpty && scalar.Value.Length == 0 && span.Start < Floor())
        {
            // An empty scalar YamlDotNet synthesized at a stale mark (the empty key of ": x" after a comment or "---"):
            // placed on the indicator that follows it.
            return new TextSpan(SkipBlanksAndComments(Floor()), 0);
        }

        if (scalar.Style is ScalarStyle.Plain)
        {
            // Plain text never ends in blanks, but an empty value after an anchor or tag ("a: &x\n")
            // ends at the next token.
            var plainEnd = span.End;
            while (plainEnd > span.Start && text.Text[plainEnd - 1] is ' ' or '\t' or '\r' or '\n')
            {
                plainEnd--;
            }

            return TextSpan.FromBounds(span.Start, plainEnd);
        }

        if (scalar.Style is not (ScalarStyle.Literal or ScalarStyle.Folded))
        {
            return span;
        }

        var end = span.End;
        while (end > span.Start + 1)
        {
            if (text.Text[end - 1] is '\n' or '\r')
            {
                end--;
                continue;
            }

            var blank = end;
            while (blank > span.Start + 1 && text.Text[blank - 1] is ' ' or '\t')
            {
                blank--;
            }

            if (blank == end || text.Text[blank - 1] is not ('\n' or '\r'))
            {
                break;
            }

            end = blank;
        }

        return TextSpan.FromBounds(span.Start, end);
    }

    /// <summary>
    /// Where a YamlDotNet exception points. A few are thrown with a message only (both marks empty);
    /// those are placed after the last event read, on the tab when the message is about one.
    /// </summary>
    private TextSpan ExceptionSpan(YamlException ex, int lastGoodEnd)
    {
        var start = Offset(ex.Start);
        var end = Math.Max(start, Offset(ex.End));
        if (end == 0 && lastGoodEnd > 0)
        {
            var tab = ex.Message.Contains("tab", StringComparison.Ordinal) ? text.Text.IndexOf('\t', lastGoodEnd) : -1;
            return CharAt(tab >= 0 ? tab : lastGoodEnd);
        }

        return end > start ? TextSpan.FromBounds(start, end) : CharAt(start);
    }

    private TextSpan Span(ParsingEvent e)
    {
        var start = Offset(e.Start);
        return TextSpan.FromBounds(start, Math.Max(start, Offset(e.End)));
    }

    /// <summary>Collection start events are empty; a problem should still mark a character.</summary>
    private TextSpan NonEmpty(TextSpan span) => span.IsEmpty ? CharAt(span.Start) : span;

    private TextSpan CharAt(int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        return new TextSpan(offset, offset < text.Length && text.Text[offset] is not ('\r' or '\n') ? 1 : 0);
    }

    private int Offset(Mark mark) => (int)Math.Clamp(mark.Index, 0, text.Length);

    private static string Describe(YamlException ex)
    {
        var message = ex.InnerException is { } inner && ex.Message.StartsWith('(') ? inner.Message : ex.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && close > 0)
        {
            message = message[(close + 3)..];
        }

        return $"YAML syntax error: {message.TrimEnd('.')}";
    }

    private static string? NameOf(AnchorName anchor) => anchor.IsEmpty ? null : anchor.Value;

    private static string? TagOf(TagName tag) => tag.IsEmpty || tag.IsNonSpecific ? null : tag.Value;

    private static YamlScalarStyle StyleOf(ScalarStyle style) => style switch
    {
        ScalarStyle.SingleQuoted => YamlScalarStyle.SingleQuoted,
        ScalarStyle.DoubleQuoted => YamlScalarStyle.DoubleQuoted,
        ScalarStyle.Literal => YamlScalarStyle.Literal,
        ScalarStyle.Folded => YamlScalarStyle.Folded,
        _ => YamlScalarStyle.Plain,
    };

    /// <summary>A node with how far it expands when aliases are followed.</summary>
    private readonly record struct Measured(YamlNode Node, long Size, int Depth, bool Aliased = false);

    private sealed class Frame(ParsingEvent startEvent, int start, bool isPositionless, bool isMapping, bool isFlow, string? anchor, string? tag)
    {
        public ParsingEvent StartEvent { get; } = startEvent;

        /// <summary>The offset the collection starts at.</summary>
        public int Start { get; } = start;

        /// <summary>True when YamlDotNet gave the start no position; the span is then its children's.</summary>
        public bool IsPositionless { get; } = isPositionless;

        public bool IsMapping { get; } = isMapping;

        public bool IsFlow { get; } = isFlow;

        public string? Anchor { get; } = anchor;

        public string? Tag { get; } = tag;

        public List<YamlNode> Children { get; } = [];

        public long ExpandedSize { get; set; } = 1;

        public int ExpandedDepth { get; set; }

        /// <summary>True when an alias lies somewhere below this collection.</summary>
        public bool Aliased { get; set; }
    }
}
