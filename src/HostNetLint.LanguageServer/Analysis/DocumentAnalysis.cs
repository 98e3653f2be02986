using System.Collections.Concurrent;
using System.Collections.Immutable;
using HostNetLint.Fixes;
using HostNetLint.LanguageServer.Workspace;
using HostNetLint.Parsing.Text;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.LanguageServer.Analysis;

/// <summary>
/// The findings of one open document at one version, and the lint they come from (null when the lint failed: the
/// document then has no findings and no actions until the next one succeeds).
/// </summary>
internal sealed record DocumentAnalysis(OpenDocument Document, RootAnalysis? Root, ImmutableArray<Diagnostic> Findings)
{
    /// <summary>The text the findings' positions refer to: the buffer at <see cref="OpenDocument.Version"/>.</summary>
    public SourceText Text { get; } = SourceText.From(Document.Text, Document.FullPath);

    public int Version => Document.Version;

    /// <summary>Fix-all results by rule set: editors ask for code actions at every cursor move.</summary>
    public ConcurrentDictionary<string, FileFix?> FixAllCache { get; } = new(StringComparer.Ordinal);
}
