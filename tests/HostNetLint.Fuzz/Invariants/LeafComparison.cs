using System.Text;

namespace HostNetLint.Fuzz.Invariants;

/// <summary>Compares the leaves of a file before and after a fix pass: everything no edit touched means the same afterwards.</summary>
public static class LeafComparison
{
    private const int MaxShown = 120;

    /// <summary>Throws when a leaf no edit touched is gone or changed, or a leaf no edit wrote appeared.</summary>
    public static void CheckUntouchedValuesKept(string file, IReadOnlyList<ValueLeaf> before, IReadOnlyList<ValueLeaf> after, AppliedEdits edits)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(edits);
        var beforeByPath = ByPath(before);
        var afterByPath = ByPath(after);
        foreach (var leaf in before)
        {
            if (edits.Touches(leaf.ValueSpan) || leaf.Keys().Any(edits.Touches))
            {
                continue;
            }

            InvariantViolationException.ThrowUnless(
                afterByPath.TryGetValue(leaf.Path, out var now),
                $"{file}: {leaf.Path} = {Show(leaf.Value)} is gone after the fix, though no edit touched it");
            InvariantViolationException.ThrowUnless(
                now!.Value == leaf.Value,
                $"{file}: {leaf.Path} changed from {Show(leaf.Value)} to {Show(now.Value)}, though no edit touched it");
        }

        foreach (var leaf in after)
        {
            if (edits.Wrote(leaf.ValueSpan) || leaf.Keys().Any(edits.Wrote))
            {
                continue;
            }

            InvariantViolationException.ThrowUnless(
                beforeByPath.ContainsKey(leaf.Path),
                $"{file}: {leaf.Path} = {Show(leaf.Value)} appeared after the fix, though no edit wrote it");
        }
    }

    /// <summary>A value for a message: quoted, control characters escaped, long values cut.</summary>
    public static string Show(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder("\"");
        foreach (var c in value.Length > MaxShown ? value[..MaxShown] : value)
        {
            _ = c switch
            {
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                '"' or '\\' => builder.Append('\\').Append(c),
                _ when char.IsControl(c) => builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        return builder.Append(value.Length > MaxShown ? "\"..." : "\"").ToString();
    }

    private static Dictionary<string, ValueLeaf> ByPath(IReadOnlyList<ValueLeaf> leaves)
    {
        var byPath = new Dictionary<string, ValueLeaf>(StringComparer.Ordinal);
        foreach (var leaf in leaves)
        {
            // A path written twice is a duplicate key, which the fix engine never rewrites; the first one stands for both.
            byPath.TryAdd(leaf.Path, leaf);
        }

        return byPath;
    }
}
