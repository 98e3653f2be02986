using System.Collections.Immutable;
using DiffPlex;
using HostNetLint.Parsing.Text;

namespace HostNetLint.LanguageServer.Features;

/// <summary>
/// The edits that turn one text into another, as small as a line diff and then a common prefix and suffix make them:
/// the fix engine returns whole texts, and an editor keeps its cursor and folds better with small edits. Applying the
/// edits to the old text gives the new text exactly.
/// </summary>
internal static class TextDiff
{
    public static ImmutableArray<TextEdit> Edits(string oldText, string newText)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        if (oldText == newText)
        {
            return [];
        }

        var result = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, Lines.Instance);
        var oldLines = result.PiecesOld;
        var newLines = result.PiecesNew;
        var starts = new int[oldLines.Count + 1];
        for (var i = 0; i < oldLines.Count; i++)
        {
            starts[i + 1] = starts[i] + oldLines[i].Length;
        }

        var edits = ImmutableArray.CreateBuilder<TextEdit>(result.DiffBlocks.Count);
        foreach (var block in result.DiffBlocks)
        {
            var start = starts[block.DeleteStartA];
            var end = starts[block.DeleteStartA + block.DeleteCountA];
            var replacement = string.Concat(newLines.Skip(block.InsertStartB).Take(block.InsertCountB));
            var old = oldText.AsSpan(start, end - start);
            var prefix = old.CommonPrefixLength(replacement);
            var suffix = 0;
            while (suffix < old.Length - prefix && suffix < replacement.Length - prefix && old[^(suffix + 1)] == replacement[^(suffix + 1)])
            {
                suffix++;
            }

            edits.Add(new TextEdit(TextSpan.FromBounds(start + prefix, end - suffix), replacement[prefix..^suffix]));
        }

        return edits.ToImmutable();
    }

    /// <summary>Lines with their line breaks, so the pieces put together are the text again.</summary>
    private sealed class Lines : IChunker
    {
        public static readonly Lines Instance = new();

        public IReadOnlyList<string> Chunk(string text) => Fixes.UnifiedDiff.SplitLines(text);
    }
}
