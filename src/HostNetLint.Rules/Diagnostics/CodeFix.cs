using System.Collections.Immutable;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Rules.Diagnostics;

/// <summary>
/// An automatic fix of one diagnostic (Roslyn's CodeAction): text edits on the original text of one file,
/// nothing else. <see cref="EquivalenceKey"/> groups fixes of the same kind for fix-all.
/// </summary>
public sealed record CodeFix(string Title, string EquivalenceKey, SourceText Document, ImmutableArray<TextEdit> Edits)
{
    /// <summary>The file the edits apply to (root-relative, forward slashes).</summary>
    public string Path => Document.Path;

    /// <summary>The text after applying the edits; null when they overlap (a rule bug, never written).</summary>
    public string? Apply() => TextEdit.Apply(Document.Text, Edits);
}
