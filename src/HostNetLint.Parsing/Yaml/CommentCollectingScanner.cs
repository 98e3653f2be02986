using HostNetLint.Parsing.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace HostNetLint.Parsing.Yaml;

/// <summary>
/// The scanner YamlDotNet's parser reads: a scanner with comments on whose comment tokens are taken out here, so the
/// parser sees exactly the tokens of a scanner that skips comments (its parser rejects valid YAML when it meets a
/// comment token in some places, "a: [1] # c") and each file is scanned once. The parser consumes every token before
/// it reads the next, as a plain read of the scanner does, so the comments and their inline flags are the ones that
/// read gives.
/// </summary>
internal sealed class CommentCollectingScanner : IScanner
{
    private const string VersionDirectiveAfterComment = "While scanning a version directive, did not find preceding <document end>.";

    private readonly Scanner inner;
    private readonly string text;
    private readonly List<YamlComment> comments;
    private Token? lastConsumed;
    private int flowDepth;
    private bool collecting = true;

    public CommentCollectingScanner(string text, List<YamlComment> comments)
    {
        this.text = text;
        this.comments = comments;
        inner = new Scanner(new StringReader(text), skipComments: false);
    }

    /// <summary>True once the scanner threw: its state is broken, nothing more can be read.</summary>
    public bool Failed { get; private set; }

    /// <summary>
    /// True when the scanner rejected a <c>%YAML</c> directive only because a comment token came before it (after a
    /// reserved directive, "%FOO\n# c\n%YAML 1.2"): a scanner that skips comments accepts it, so the caller parses again
    /// without comments.
    /// </summary>
    public bool FailedOnlyForComments { get; private set; }

    public Mark CurrentPosition => inner.CurrentPosition;

    public Token? Current => inner.Current;

    public bool MoveNext()
    {
        if (inner.Current is not null)
        {
            ConsumeCurrent();
        }

        return MoveNextWithoutConsuming();
    }

    public bool MoveNextWithoutConsuming()
    {
        try
        {
            while (inner.MoveNextWithoutConsuming())
            {
                switch (inner.Current)
                {
                    case Comment comment:
                        Add(comment);
                        ConsumeCurrent();
                        continue;
                    case Error:
                        // A plain read of the scanner stops at its first error token (the parser throws at most of them).
                        collecting = false;
                        break;
                    case FlowSequenceStart or FlowMappingStart:
                        flowDepth++;
                        break;
                    case FlowSequenceEnd or FlowMappingEnd:
                        flowDepth--;
                        break;
                }

                return true;
            }

            return false;
        }
        catch (SemanticErrorException ex) when (ex.Message.EndsWith(VersionDirectiveAfterComment, StringComparison.Ordinal) && lastConsumed is Comment)
        {
            Failed = true;
            FailedOnlyForComments = true;
            throw;
        }
        catch (Exception)
        {
            Failed = true;
            throw;
        }
    }

    public void ConsumeCurrent()
    {
        lastConsumed = inner.Current;
        inner.ConsumeCurrent();
    }

    /// <summary>
    /// After the parser stopped at a syntax error, reads on to collect the comments the scanner still accepts, as far
    /// as its first error. It stops deeper than <paramref name="maxFlowDepth"/> flow collections: the scanner checks
    /// every open flow level at every token, so reading on there would cost the square of the input.
    /// </summary>
    public void ReadToEnd(int maxFlowDepth)
    {
        // The scanner may repeat a token forever on broken input; the bound guards against any such loop.
        var budget = (4L * text.Length) + 64;
        try
        {
            while (collecting && !Failed && flowDepth <= maxFlowDepth && budget-- > 0 && MoveNext() && inner.Current is not StreamEnd)
            {
            }
        }
#pragma warning disable CA1031 // The syntax error is already reported; comments after the scanner's own failure are lost.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private void Add(Comment comment)
    {
        if (collecting)
        {
            var start = Offset(comment.Start);
            comments.Add(new YamlComment(TextSpan.FromBounds(start, Math.Max(start, Offset(comment.End))), comment.Value, comment.IsInline));
        }
    }

    private int Offset(Mark mark) => (int)Math.Clamp(mark.Index, 0, text.Length);
}
