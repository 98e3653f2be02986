namespace HostNetLint.Model.Loading;

/// <summary>What the read-ahead does with a file before the model asks for it.</summary>
internal enum ReadAheadKind
{
    /// <summary>Read and decode (an <c>.env</c> file).</summary>
    Text,

    /// <summary>Read, decode and parse as YAML (a compose name).</summary>
    Yaml,

    /// <summary>Read and decode, and parse as YAML when the sniffer says it may be compose (any other YAML file).</summary>
    YamlIfSniffed,

    /// <summary>Read, decode and parse in the unit-file dialect of its path (units, quadlets, drop-ins).</summary>
    Unit,
}

/// <summary>
/// Reads, decodes and parses a walk's files on the other cores while the model is built on this one. The model still
/// asks for each file in its own order and decides what it becomes; the read-ahead only does the work early, so the
/// documents, their order and every problem are the same as without it. A file the model asks for before a worker got
/// to it is done by the asking thread (never waited for in a queue); one a worker is doing is waited for.
/// </summary>
/// <remarks>
/// The work for a file depends only on its path and the run's options (<see cref="FileLoader.Prepare"/>), so it may
/// run on any thread. A worker that fails leaves the file to the model, which then fails the same way on its own thread.
/// </remarks>
internal sealed class ReadAhead : IDisposable
{
    // Below this many files the threads cost more than they save (a pre-commit run on a few files).
    private const int MinimumFiles = 16;

    private const int WorkerStackSize = 8 * 1024 * 1024;

    private const int Pending = 0;
    private const int Claimed = 1;
    private const int Done = 2;

    private readonly Dictionary<string, Slot> slots;
    private readonly Slot[] order;
    private readonly Func<string, ReadAheadKind, PreparedFile> prepare;
    private readonly Thread[] workers;
    private int next = -1;
    private volatile bool stopping;

    private ReadAhead(IReadOnlyList<(string FullPath, ReadAheadKind Kind)> files, Func<string, ReadAheadKind, PreparedFile> prepare, int workerCount)
    {
        this.prepare = prepare;
        slots = new Dictionary<string, Slot>(files.Count, StringComparer.Ordinal);
        var ordered = new List<Slot>(files.Count);
        foreach (var (fullPath, kind) in files)
        {
            if (!slots.ContainsKey(fullPath))
            {
                var slot = new Slot(fullPath, kind);
                slots.Add(fullPath, slot);
                ordered.Add(slot);
            }
        }

        order = [.. ordered];
        workers = new Thread[workerCount];
        for (var i = 0; i < workers.Length; i++)
        {
            // The main thread's stack size: parsing recurses as deep on a worker as it would on the main thread.
            workers[i] = new Thread(Work, WorkerStackSize) { IsBackground = true, Name = "hostnetlint read-ahead" };
            workers[i].Start();
        }
    }

    /// <summary>
    /// Starts reading <paramref name="files"/> ahead on <paramref name="threads"/> workers, or when that is null on the
    /// cores this process may use beside its own (at most three) if there are more than a handful of files; null
    /// (nothing started) without a worker. Tests and the fuzzing harness name the threads, so small inputs are read
    /// ahead too.
    /// </summary>
    public static ReadAhead? Start(IReadOnlyList<(string FullPath, ReadAheadKind Kind)> files, Func<string, ReadAheadKind, PreparedFile> prepare, int? threads)
    {
        var workerCount = threads ?? (files.Count < MinimumFiles ? 0 : Math.Min(Environment.ProcessorCount - 1, 3));
        return workerCount < 1 || files.Count == 0 ? null : new ReadAhead(files, prepare, workerCount);
    }

    /// <summary>
    /// The prepared file when a worker did it (waiting for one that is doing it); null when the file was not read
    /// ahead, was taken before, or a worker failed on it: then the caller does the work itself.
    /// </summary>
    public PreparedFile? Take(string fullPath)
    {
        if (!slots.TryGetValue(fullPath, out var slot) || Interlocked.CompareExchange(ref slot.State, Done, Pending) == Pending)
        {
            // Not read ahead, or not reached yet: done here, so no worker will do it.
            return null;
        }

        lock (slot)
        {
            while (slot.State != Done)
            {
                Monitor.Wait(slot);
            }

            var result = slot.Result;
            slot.Result = null;
            return result;
        }
    }

    /// <summary>Stops the workers and waits for them, so nothing reads on after the model is built.</summary>
    public void Dispose()
    {
        stopping = true;
        foreach (var worker in workers)
        {
            worker.Join();
        }
    }

    private void Work()
    {
        while (!stopping)
        {
            var index = Interlocked.Increment(ref next);
            if (index >= order.Length)
            {
                return;
            }

            var slot = order[index];
            if (Interlocked.CompareExchange(ref slot.State, Claimed, Pending) != Pending)
            {
                continue;
            }

            PreparedFile? result = null;
            try
            {
                result = prepare(slot.FullPath, slot.Kind);
            }
            catch (Exception)
            {
                // Left to the model, which does the same work on its own thread and reports what went wrong there.
            }

            lock (slot)
            {
                slot.Result = result;
                slot.State = Done;
                Monitor.PulseAll(slot);
            }
        }
    }

    private sealed class Slot(string fullPath, ReadAheadKind kind)
    {
        public int State = Pending;

        public PreparedFile? Result;

        public string FullPath { get; } = fullPath;

        public ReadAheadKind Kind { get; } = kind;
    }
}

/// <summary>
/// A file read, decoded and parsed off the model's thread: the read's problem (then nothing else), or its length and
/// text with the YAML tree or unit syntax its kind asked for (null when not parsed).
/// </summary>
internal sealed record PreparedFile(
    Parsing.ParseProblem? Problem,
    long Length,
    Parsing.Text.SourceText? Text,
    Parsing.Yaml.YamlSyntaxTree? Yaml,
    Parsing.Systemd.UnitFileSyntax? Unit);
