using System.Collections.Immutable;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Rules.Suppressions;

/// <summary>
/// Reads one comment as a suppression directive:
/// <c># hostnetlint-disable-next-line HNL1001, HNL1002 -- reason</c>. IDs are separated by spaces or commas;
/// everything after <c>--</c> is the justification.
/// </summary>
public static class SuppressionCommentParser
{
    private const string Prefix = "hostnetlint-";

    // Longest first, so "disable" does not swallow "disable-line".
    private static readonly (string Word, SuppressionKind Kind)[] Forms =
    [
        ("disable-next-line", SuppressionKind.NextLine),
        ("disable-line", SuppressionKind.Line),
        ("disable-file", SuppressionKind.File),
        ("disable", SuppressionKind.Disable),
        ("enable", SuppressionKind.Enable),
    ];

    /// <summary>Parses the comment at <paramref name="commentSpan"/> (starting at <c>#</c> or <c>;</c>); null when it is no directive.</summary>
    public static SuppressionDirective? Parse(SourceText text, TextSpan commentSpan)
    {
        ArgumentNullException.ThrowIfNull(text);
        var comment = text.Text.AsSpan(commentSpan.Start, commentSpan.Length);
        var position = 0;
        while (position < comment.Length && (comment[position] is '#' or ';'))
        {
            position++;
        }

        while (position < comment.Length && char.IsWhiteSpace(comment[position]))
        {
            position++;
        }

        if (!comment[position..].StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        position += Prefix.Length;
        SuppressionKind? kind = null;
        foreach (var (word, form) in Forms)
        {
            var rest = comment[position..];
            if (rest.StartsWith(word, StringComparison.OrdinalIgnoreCase) && (rest.Length == word.Length || rest[word.Length] is ' ' or '\t' or ','))
            {
                kind = form;
                position += word.Length;
                break;
            }
        }

        if (kind is null)
        {
            return null;
        }

        var idsEnd = comment[position..].IndexOf("--", StringComparison.Ordinal);
        string? justification = null;
        var end = comment.Length;
        if (idsEnd >= 0)
        {
            end = position + idsEnd;
            var reason = comment[(end + 2)..].Trim().ToString();
            justification = reason.Length == 0 ? null : reason;
        }

        var ids = ImmutableArray.CreateBuilder<SuppressionRuleId>();
        var i = position;
        while (i < end)
        {
            if (comment[i] is ' ' or '\t' or ',')
            {
                i++;
                continue;
            }

            var start = i;
            while (i < end && comment[i] is not (' ' or '\t' or ','))
            {
                i++;
            }

            ids.Add(new SuppressionRuleId(comment[start..i].ToString().ToUpperInvariant(), new TextSpan(commentSpan.Start + start, i - start)));
        }

        return new SuppressionDirective(kind.Value, new Location(text, commentSpan), ids.ToImmutable(), justification);
    }
}
