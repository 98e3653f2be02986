using HostNetLint.Parsing.Text;

namespace HostNetLint.Fuzz.Invariants;

/// <summary>
/// One value of a parsed file, addressed by where it sits rather than by its line: a YAML scalar (or empty collection,
/// or alias) under its path of keys and indices, or a unit entry under its section and key. Two parses of a file
/// "mean the same" where their leaves at the same paths are equal.
/// </summary>
/// <param name="Path">Keys and indices from the document root, e.g. <c>0/services/web/ports/[1]</c>.</param>
/// <param name="Value">The value with what decides its type (plain or quoted, tag), e.g. <c>plain:8080</c>.</param>
/// <param name="ValueSpan">Where the value is written.</param>
/// <param name="KeySpan">Where its key is written (the entry's key for a mapping value or a unit entry), when it has one.</param>
/// <param name="AncestorKeys">
/// Where the keys of the enclosing entries are written, innermost first: renaming one (HNL3002's fix) moves the leaf
/// to another path without touching it.
/// </param>
public sealed record ValueLeaf(string Path, string Value, TextSpan ValueSpan, TextSpan? KeySpan, KeyChain? AncestorKeys = null)
{
    /// <summary>Its own key and the keys of the entries around it.</summary>
    public IEnumerable<TextSpan> Keys()
    {
        if (KeySpan is { } own)
        {
            yield return own;
        }

        for (var key = AncestorKeys; key is not null; key = key.Parent)
        {
            yield return key.Span;
        }
    }
}

/// <summary>The key spans from a leaf up to the root, shared by siblings, so collecting them stays linear in the tree.</summary>
public sealed record KeyChain(TextSpan Span, KeyChain? Parent);
