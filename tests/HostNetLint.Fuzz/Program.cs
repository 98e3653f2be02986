using HostNetLint.Fuzz;
using SharpFuzz;

// HostNetLint.Fuzz TARGET              under afl-fuzz: SharpFuzz's fork server feeds inputs on stdin (see README.md);
//                                      outside it: runs the one input on stdin.
// HostNetLint.Fuzz TARGET FILE|DIR...  replays inputs (crashes, hangs, a corpus) and reports each as ok, KNOWN (a failure
//                                      that matches a bug in KnownBugs.cs) or FAIL; exit 1 when any FAILs.
// HostNetLint.Fuzz --seeds TARGET      prints the seed folders (under seeds/) whose format TARGET reads.
if (args is ["--seeds", var seedTarget] && FuzzTargets.Find(seedTarget) is { } seeded)
{
    Console.WriteLine(string.Join('\n', seeded.SeedFolders));
    return 0;
}

if (args.Length == 0 || FuzzTargets.Find(args[0]) is not { } target)
{
    Console.Error.WriteLine($"usage: HostNetLint.Fuzz TARGET [FILE|DIR...] | --seeds TARGET; targets: {string.Join(", ", FuzzTargets.All.Select(t => t.Name))}");
    return 2;
}

if (args.Length == 1)
{
    // Out of process: a StackOverflowException or a hang ends only the child, and afl-fuzz keeps going.
    Fuzzer.OutOfProcess.Run(stream =>
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        target.Run(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    });
    return 0;
}

// Instrumented assemblies record every branch in SharpFuzz's trace map, which only the fork server sets up: give
// them a map of their own, so the same (instrumented) build also replays.
unsafe
{
    SharpFuzz.Common.Trace.SharedMem = (byte*)System.Runtime.InteropServices.NativeMemory.AllocZeroed(1 << 16);
}

var passed = 0;
var failed = 0;
var known = 0;
// afl-fuzz puts a README.txt beside the inputs in crashes/ and hangs/.
var inputs = args[1..].SelectMany(a => Directory.Exists(a)
    ? Directory.EnumerateFiles(a, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) is not ("README.txt" or ".gitkeep")).Order(StringComparer.Ordinal)
    : (IEnumerable<string>)[a]);
foreach (var input in inputs)
{
    var watch = System.Diagnostics.Stopwatch.StartNew();
    try
    {
        target.Run(File.ReadAllBytes(input));
        passed++;
        Console.WriteLine($"ok    {watch.Elapsed.TotalSeconds,6:F2}s  {input}");
    }
#pragma warning disable CA1031 // Replay reports every failure, whatever it is, and goes on with the next input.
    catch (Exception ex)
#pragma warning restore CA1031
    {
        if (KnownBugs.Match(target.Name, ex.Message) is { } bug)
        {
            known++;
            Console.WriteLine($"KNOWN {watch.Elapsed.TotalSeconds,6:F2}s  {input}  (as regressions/{bug.Input})");
            continue;
        }

        failed++;
        Console.WriteLine($"FAIL  {watch.Elapsed.TotalSeconds,6:F2}s  {input}\n{ex}\n");
    }
}

Console.WriteLine($"replayed {passed + known + failed} inputs through {target.Name}: {passed} ok, {known} known bugs, {failed} failing");
return failed == 0 ? 0 : 1;
