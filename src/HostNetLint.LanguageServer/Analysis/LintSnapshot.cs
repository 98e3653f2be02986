using System.Collections.Immutable;
using HostNetLint.Hosting.Configuration;
using HostNetLint.LanguageServer.Workspace;

namespace HostNetLint.LanguageServer.Analysis;

/// <summary>
/// The inputs of one lint of a root, taken at one moment: the open documents it reports on (with their versions),
/// the paths the model reads, and every open buffer (<see cref="Open"/>, by full path) as the overlay read instead of the disk.
/// </summary>
internal sealed record LintSnapshot(string Root, ImmutableArray<OpenDocument> Documents, ImmutableArray<string> Paths, ImmutableDictionary<string, OpenDocument> Open, ImmutableDictionary<string, byte[]> Overlay)
{
    /// <summary>Nothing to read: a root outside any project whose open documents are not compose files or units.</summary>
    public bool IsEmpty => Paths.IsEmpty;

    /// <summary>The configuration layers of the root, as <c>hostnetlint check</c> reads them, with unsaved buffers over the disk.</summary>
    public LintSettingsRequest Settings => new() { Root = Root, Overlay = Overlay };
}
