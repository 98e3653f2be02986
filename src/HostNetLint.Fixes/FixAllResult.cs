using System.Collections.Immutable;
using HostNetLint.Model;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Fixes;

/// <summary>The outcome of fix-all over a root: per-file results, and the model and findings after the fixes.</summary>
public sealed record FixAllResult(ImmutableArray<FileFix> Files, DeploymentModel Model, ImmutableArray<Diagnostic> Remaining, int Passes, bool ReachedPassLimit)
{
    public IEnumerable<FileFix> Changed => Files.Where(f => f.IsChanged);
}
