using System.Collections.Immutable;
using HostNetLint.Fixes;
using HostNetLint.Hosting;

namespace HostNetLint.LanguageServer.Analysis;

/// <summary>
/// Runs the one lint pipeline (<see cref="LintRun"/>, the same as <c>hostnetlint check</c> and <c>fix</c>) over a
/// snapshot. Cancellation is checked between the pipeline's stages: model building and the rules do not take a token,
/// so a cancelled lint ends at the next stage instead of publishing stale findings.
/// </summary>
internal sealed class RootLinter
{
    private readonly LintRun run;

    public RootLinter(LintRun run) => this.run = run;

    public RootAnalysis Lint(LintSnapshot snapshot, CancellationToken cancellationToken)
    {
        if (snapshot.IsEmpty)
        {
            return new RootAnalysis(snapshot, null);
        }

        var outcome = Guarded(cancellationToken).Execute(new LintRequest { Settings = snapshot.Settings, Paths = snapshot.Paths });
        cancellationToken.ThrowIfCancellationRequested();
        return new RootAnalysis(snapshot, outcome);
    }

    /// <summary>
    /// What <c>hostnetlint fix</c> makes of one file (fix-all, every pass, only <paramref name="rules"/> when given),
    /// computed on the snapshot's buffers and written nowhere; null when nothing changes.
    /// </summary>
    public FileFix? FixAll(LintSnapshot snapshot, string fullPath, ImmutableHashSet<string> rules, CancellationToken cancellationToken)
    {
        var outcome = Guarded(cancellationToken).Execute(new LintRequest
        {
            Settings = snapshot.Settings,
            Paths = snapshot.Paths,
            Scope = [fullPath],
            Fix = FixMode.DryRun,
            FixRules = rules,
        });
        return outcome.Fix?.Files.FirstOrDefault(f => f.IsChanged && string.Equals(f.FullPath, fullPath, StringComparison.Ordinal));
    }

    private LintRun Guarded(CancellationToken cancellationToken) => new()
    {
        BuildModel = (root, paths, options) =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return run.BuildModel(root, paths, options);
        },
        Analyze = (model, options) =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return run.Analyze(model, options);
        },
    };
}
