using System.Collections.Immutable;
using HostNetLint.Model;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Fixes;

/// <summary>The outcome of fix-all over a root: per-file results, and the model and findings after the fixes.</summary>
public sealed record FixAllResult(ImmutableArray<FileFix> Files, DeploymentModel Model, ImmutableArray<Diagnostic> Remaining, int Passes, bool ReachedPassLimit)
{
    public IEnumerable<FileFix> Changed => Files.Where(f => f.IsChanged);

    /// <summary>
    /// The findings of the selected rules left without a fix, each with its <see cref="Diagnostic.NoFixReason"/>: none
    /// could be offered (a shared anchor, a suppressed finding the fix would change too), or the one tried was refused
    /// because the finding survived it. Hosts show these as "not fixed" with the reason.
    /// </summary>
    public ImmutableArray<Diagnostic> NotFixed { get; init; } = [];

    /// <summary>
    /// Writes every changed file atomically (only if it still holds the text that was fixed); returns each
    /// changed file with the reason it was not written, or null when it was.
    /// </summary>
    public IReadOnlyList<(FileFix File, string? Failure)> WriteChanges(string root) =>
        [.. Changed.Select(file => (file, AtomicFileWriter.Write(root, file.FullPath, file.NewBytes(), file.Original.EncodeLikeOriginal(file.Original.Text))))];
}
