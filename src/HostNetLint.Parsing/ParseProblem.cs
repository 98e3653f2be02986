using HostNetLint.Parsing.Text;

namespace HostNetLint.Parsing;

/// <summary>What kind of input problem a parser found; the rules layer maps each to its HNL0xxx rule.</summary>
public enum ParseProblemKind
{
    /// <summary>The text is not well-formed (or not text at all).</summary>
    Syntax,

    /// <summary>A mapping has the same key twice.</summary>
    DuplicateKey,

    /// <summary>The input is over a size, depth, node-count or alias-expansion limit.</summary>
    LimitExceeded,
}

/// <summary>An input problem found while parsing, with its exact span.</summary>
public sealed record ParseProblem(ParseProblemKind Kind, TextSpan Span, string Message, TextSpan? RelatedSpan = null);
