namespace HostNetLint.Fuzz;

/// <summary>
/// A bug a fuzz target found that is not fixed yet: its regression input (under <c>regressions/</c>), the words its
/// failure message contains, and what is wrong where. The regression tests skip these inputs (with the description as
/// the reason) and check that each still fails as recorded; fuzz replays call a matching failure "known".
/// </summary>
/// <param name="Input">The regression input, relative to <c>regressions/</c>, e.g. <c>fix/inherited-networks.yaml</c>.</param>
/// <param name="Signature">Substrings the failure message contains, all of them.</param>
/// <param name="Description">File, function and root cause.</param>
public sealed record KnownBug(string Input, string[] Signature, string Description)
{
    /// <summary>The target the input belongs to: the first folder of <see cref="Input"/>.</summary>
    public string Target => Input[..Input.IndexOf('/', StringComparison.Ordinal)];

    public bool Matches(string target, string message) =>
        target == Target && Signature.All(s => message.Contains(s, StringComparison.Ordinal));
}

/// <summary>The bugs found and not fixed yet. When one is fixed, remove its entry: its regression test then runs.</summary>
public static class KnownBugs
{
    public static IReadOnlyList<KnownBug> All { get; } = [];

    /// <summary>The known bug whose failure <paramref name="message"/> of <paramref name="target"/> looks like, or null.</summary>
    public static KnownBug? Match(string target, string message) => All.FirstOrDefault(b => b.Matches(target, message));
}
