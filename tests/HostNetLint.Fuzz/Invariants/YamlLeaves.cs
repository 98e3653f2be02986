using System.Globalization;
using HostNetLint.Parsing.Text;
using HostNetLint.Parsing.Yaml;

namespace HostNetLint.Fuzz.Invariants;

/// <summary>
/// The leaves of a YAML tree as written: aliases stay aliases (the anchored node is compared where it is written),
/// merge keys stay keys, so the walk is linear in the file and compares what the text says, not what compose merges.
/// </summary>
public static class YamlLeaves
{
    /// <summary>Trees with more leaves than this are not compared (the walk stays bounded on hostile input).</summary>
    public const int MaxLeaves = 200_000;

    /// <summary>The leaves of every document; null when there are more than <see cref="MaxLeaves"/>.</summary>
    public static List<ValueLeaf>? Of(YamlSyntaxTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var leaves = new List<ValueLeaf>();
        var pending = new Stack<(YamlNode Node, string Path, TextSpan? KeySpan, KeyChain? Ancestors)>();
        for (var i = tree.Documents.Length - 1; i >= 0; i--)
        {
            if (tree.Documents[i].Root is { } root)
            {
                pending.Push((root, i.ToString(CultureInfo.InvariantCulture), null, null));
            }
        }

        while (pending.TryPop(out var item))
        {
            if (leaves.Count >= MaxLeaves)
            {
                return null;
            }

            var (node, path, keySpan, ancestors) = item;
            var inside = keySpan is { } span ? new KeyChain(span, ancestors) : ancestors;
            switch (node)
            {
                case YamlMapping { Entries.IsEmpty: false } mapping:
                    for (var i = mapping.Entries.Length - 1; i >= 0; i--)
                    {
                        var entry = mapping.Entries[i];
                        // A complex key (`? [a, b]`) is named by its text, not its index: a fix that adds or removes an
                        // entry before it would shift the index (found by the CI fuzz smoke run).
                        var key = entry.Key is YamlScalar scalar ? Escape(scalar.Value) : "?" + Escape(tree.Text.Text.Substring(entry.Key.Span.Start, entry.Key.Span.Length));
                        pending.Push((entry.Value, path + "/" + key, entry.Key.Span, inside));
                    }

                    break;
                case YamlSequence { Items.IsEmpty: false } sequence:
                    for (var i = sequence.Items.Length - 1; i >= 0; i--)
                    {
                        pending.Push((sequence.Items[i], path + "/[" + i.ToString(CultureInfo.InvariantCulture) + "]", null, inside));
                    }

                    break;
                default:
                    leaves.Add(new ValueLeaf(path, Describe(node), node.Span, keySpan, ancestors));
                    break;
            }
        }

        return leaves;
    }

    private static string Describe(YamlNode node)
    {
        var tag = node.Tag is null ? string.Empty : node.Tag + " ";
        return node switch
        {
            YamlScalar { Style: YamlScalarStyle.Plain } scalar => tag + "plain:" + scalar.Value,
            YamlScalar scalar => tag + "string:" + scalar.Value,
            YamlAlias alias => "alias:" + alias.Name,
            YamlMapping => tag + "{}",
            YamlSequence => tag + "[]",
            _ => node.GetType().Name,
        };
    }

    /// <summary>A key as a path segment: <c>/</c> and <c>~</c> escaped as in JSON Pointer, so paths cannot collide.</summary>
    private static string Escape(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
