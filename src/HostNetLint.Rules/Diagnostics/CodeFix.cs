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

    /// <summary>
    /// Other findings whose workloads these edits change too, because the edited text is shared (an extension anchor
    /// several services merge, a pod several containers join). The lint engine offers the fix only while every one of
    /// them is reported, and fix-all applies it only while every one of them is being fixed: a suppressed or
    /// switched-off finding is never fixed, or half fixed, as a side effect.
    /// </summary>
    public ImmutableArray<FindingKey> AlsoChanges { get; init; } = [];

    /// <summary>The text after applying the edits; null when they overlap (a rule bug, never written).</summary>
    public string? Apply() => TextEdit.Apply(Document.Text, Edits);
}
