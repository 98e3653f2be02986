using System.Diagnostics;
using HostNetLint.LanguageServer.Workspace;

namespace HostNetLint.LanguageServer.Analysis;

/// <summary>
/// Decides when to lint and keeps the work per change bounded: changes are debounced, one lint runs at a time, a
/// newer change cancels the lint of its root (its findings would be stale), and each root is linted once per burst
/// however many changes it saw. A lint that throws is reported and leaves the server serving; the documents it was
/// for get an empty analysis, so nobody waits for it forever.
/// </summary>
internal sealed class LintScheduler
{
    private readonly object gate = new();
    private readonly DocumentStore documents;
    private readonly WorkspaceRoots roots;
    private readonly RootLinter linter;
    private readonly Dictionary<string, DocumentAnalysis> results = new(StringComparer.Ordinal);
    private readonly List<(OpenDocument Document, TaskCompletionSource<DocumentAnalysis?> Completion)> waiters = [];
    private readonly HashSet<string> dirty = new(StringComparer.Ordinal);
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private TimeSpan lastChange;
    private TaskCompletionSource wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool allDirty;
    private (string Root, CancellationTokenSource Cancellation)? running;

    public LintScheduler(DocumentStore documents, WorkspaceRoots roots, RootLinter linter)
    {
        this.documents = documents;
        this.roots = roots;
        this.linter = linter;
    }

    /// <summary>How long to wait after the last change before linting.</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>A root was linted: publish its documents' findings.</summary>
    public event Action<RootAnalysis>? Analyzed;

    /// <summary>A root's lint threw (a bug): log it.</summary>
    public event Action<LintSnapshot, Exception>? Failed;

    /// <summary>Files changed (a buffer, a file on disk): the roots that hold them are linted again.</summary>
    public void Invalidate(IEnumerable<string> fullPaths)
    {
        lock (gate)
        {
            dirty.UnionWith(fullPaths);
            Touch();
        }
    }

    /// <summary>The configuration changed (hostnetlint.yaml, .editorconfig): every root is linted again.</summary>
    public void InvalidateAll()
    {
        lock (gate)
        {
            allDirty = true;
            Touch();
        }
    }

    /// <summary>
    /// The analysis of <paramref name="document"/> at its version or later, once a lint has produced it; null for a
    /// document that is never linted. Requests (code actions, hover) wait here instead of answering from stale findings.
    /// </summary>
    public Task<DocumentAnalysis?> WaitForAsync(OpenDocument document, CancellationToken cancellationToken)
    {
        if (!document.Kind.IsLinted())
        {
            return Task.FromResult<DocumentAnalysis?>(null);
        }

        lock (gate)
        {
            if (results.TryGetValue(document.FullPath, out var known) && known.Version >= document.Version)
            {
                return Task.FromResult<DocumentAnalysis?>(known);
            }

            var completion = new TaskCompletionSource<DocumentAnalysis?>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((document, completion));
            return completion.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Forgets a closed document (its waiters get null).</summary>
    public void Forget(string fullPath)
    {
        lock (gate)
        {
            results.Remove(fullPath);
            foreach (var waiter in waiters.Where(w => w.Document.FullPath == fullPath).ToList())
            {
                waiters.Remove(waiter);
                waiter.Completion.TrySetResult(null);
            }
        }
    }

    /// <summary>Lints until <paramref name="stopping"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            while (true)
            {
                Task woken;
                lock (gate)
                {
                    woken = wake.Task;
                }

                await woken.WaitAsync(stopping).ConfigureAwait(false);
                await SettleAsync(stopping).ConfigureAwait(false);
                foreach (var snapshot in TakeDirty())
                {
                    await LintAsync(snapshot, stopping).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            lock (gate)
            {
                foreach (var (_, completion) in waiters)
                {
                    completion.TrySetResult(null);
                }

                waiters.Clear();
            }
        }
    }

    private void Touch()
    {
        lastChange = clock.Elapsed;
        if (running is { } current && (allDirty || dirty.Any(path => WorkspaceRoots.IsUnder(path, current.Root))))
        {
            current.Cancellation.Cancel();
        }

        wake.TrySetResult();
    }

    /// <summary>Waits until no change has come for <see cref="Debounce"/>.</summary>
    private async Task SettleAsync(CancellationToken stopping)
    {
        while (true)
        {
            TimeSpan wait;
            lock (gate)
            {
                wait = lastChange + Debounce - clock.Elapsed;
            }

            if (wait <= TimeSpan.Zero)
            {
                break;
            }

            await Task.Delay(wait, stopping).ConfigureAwait(false);
        }
    }

    private IReadOnlyList<LintSnapshot> TakeDirty()
    {
        var snapshots = roots.Snapshots(documents.Snapshot);
        lock (gate)
        {
            // Every change so far is taken here; a later one wakes the loop again.
            wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var taken = allDirty
                ? snapshots
                : snapshots.Where(s => dirty.Any(path => WorkspaceRoots.IsUnder(path, s.Root))).ToList();
            dirty.Clear();
            allDirty = false;
            return taken;
        }
    }

    private async Task LintAsync(LintSnapshot snapshot, CancellationToken stopping)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        lock (gate)
        {
            running = (snapshot.Root, cancellation);
        }

        RootAnalysis analysis;
        try
        {
            analysis = await Task.Run(() => linter.Lint(snapshot, cancellation.Token), cancellation.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            // A newer change cancelled it, and marked the root dirty: the next round lints the newer text.
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            Failed?.Invoke(snapshot, ex);
            Complete(snapshot.Documents.Select(d => new DocumentAnalysis(d, null, [])));
            return;
        }
        finally
        {
            lock (gate)
            {
                running = null;
            }
        }

        Analyzed?.Invoke(analysis);
        Complete(snapshot.Documents.Select(analysis.For));
    }

    private void Complete(IEnumerable<DocumentAnalysis> analyses)
    {
        lock (gate)
        {
            var open = documents.Snapshot;
            foreach (var analysis in analyses)
            {
                // A document closed meanwhile keeps no result.
                if (open.ContainsKey(analysis.Document.FullPath))
                {
                    results[analysis.Document.FullPath] = analysis;
                }
            }

            foreach (var waiter in waiters.ToList())
            {
                if (results.TryGetValue(waiter.Document.FullPath, out var result) && result.Version >= waiter.Document.Version)
                {
                    waiters.Remove(waiter);
                    waiter.Completion.TrySetResult(result);
                }
            }
        }
    }
}
