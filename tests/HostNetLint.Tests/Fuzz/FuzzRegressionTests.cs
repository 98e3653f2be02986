using HostNetLint.Fuzz;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Fuzz;

/// <summary>
/// The gate of the fuzzing harness (tests/HostNetLint.Fuzz): every seed and every input a fuzz run ever found
/// (<c>regressions/TARGET/</c>) goes through its target in-process, with every invariant the target checks, and must
/// pass. Inputs of bugs not fixed yet (<see cref="KnownBugs"/>) are ignored with the bug as the reason, and must still
/// fail the way they were recorded, so a fixed bug is noticed and its regression test switched on.
/// </summary>
[TestFixture]
public sealed class FuzzRegressionTests
{
    // A hang guard, not a timing: each of these inputs takes milliseconds.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    private static string FuzzDirectory => Path.Combine(Repository.Root, "tests", "HostNetLint.Fuzz");

    public static IEnumerable<TestCaseData> Inputs()
    {
        foreach (var (target, _, seedFolders) in FuzzTargets.All)
        {
            foreach (var folder in seedFolders.Select(f => "seeds/" + f).Append("regressions/" + target))
            {
                foreach (var file in Files(folder))
                {
                    var relative = folder + "/" + Path.GetFileName(file);
                    var data = new TestCaseData(target, relative).SetName($"{target}: {relative}");
                    var bug = KnownBugs.All.FirstOrDefault(b => "regressions/" + b.Input == relative);
                    yield return bug is null ? data : data.Ignore("bug: " + bug.Description);
                }
            }
        }
    }

    public static IEnumerable<TestCaseData> Bugs() => KnownBugs.All.Select(b => new TestCaseData(b).SetName("still failing as recorded: " + b.Input));

    [TestCaseSource(nameof(Inputs))]
    public void Input_passes_its_target_with_every_invariant(string target, string input)
    {
        var failure = Replay(target, input);
        Assert.That(failure, Is.Null, $"{input} through {target}: {failure}");
    }

    [TestCaseSource(nameof(Bugs))]
    public void Known_bug_input_still_fails_as_recorded(KnownBug bug)
    {
        var failure = Replay(bug.Target, "regressions/" + bug.Input);
        Assert.That(failure, Is.Not.Null, $"regressions/{bug.Input} passes now: remove its entry from KnownBugs.cs so its regression test runs");
        Assert.That(bug.Matches(bug.Target, failure!.Message), Is.True, $"regressions/{bug.Input} fails differently than recorded:\n{failure}");
    }

    [Test]
    public void Every_target_has_seeds_and_a_regression_folder()
    {
        Assert.Multiple(() =>
        {
            foreach (var (target, _, seedFolders) in FuzzTargets.All)
            {
                Assert.That(seedFolders.SelectMany(f => Files("seeds/" + f)), Is.Not.Empty, target);
                Assert.That(Directory.Exists(Path.Combine(FuzzDirectory, "regressions", target)), Is.True, target);
            }
        });
    }

    /// <summary>Runs one input through a target on a worker thread; the exception it threw, or null.</summary>
    private static Exception? Replay(string target, string input)
    {
        var bytes = File.ReadAllBytes(Path.Combine(FuzzDirectory, input));
        var run = FuzzTargets.Find(target)!.Value.Run;
        var task = Task.Run(() => run(bytes));
        var finished = ((IAsyncResult)task).AsyncWaitHandle.WaitOne(HangGuard);
        Assert.That(finished, Is.True, $"{input} through {target} is still running after {HangGuard}");
        return task.Exception?.InnerException;
    }

    private static IEnumerable<string> Files(string folder)
    {
        var path = Path.Combine(FuzzDirectory, folder);
        return Directory.Exists(path)
            ? Directory.EnumerateFiles(path).Where(f => Path.GetFileName(f) != ".gitkeep").Order(StringComparer.Ordinal)
            : [];
    }
}
