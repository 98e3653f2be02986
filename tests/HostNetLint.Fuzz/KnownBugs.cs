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
    public static IReadOnlyList<KnownBug> All { get; } =
    [
        new(
            "fix/inherited-networks.yaml",
            ["HNL1003 error(s)", "where there were 0"],
            "HNL1001's fix (HNL1001VmFacingWorkloadMustUseHostNetwork.CreateFix) adds network_mode: host to a service whose "
            + "networks: come through <<: from an anchor HNL1003's fix cannot edit (ComposeFixes.RemoveEntryFix/YamlEdits.RemoveEntry "
            + "refuse the only entry of a mapping or a shared anchor), so the result has network_mode beside networks, which compose rejects"),
        new(
            "fix/merge-list-earlier-wins.yaml",
            ["was applied for HNL1001", "re-linting still reports it"],
            "HNL1001VmFacingWorkloadMustUseHostNetwork.CreateFix writes network_mode: host into the anchor the VM signal comes from "
            + "(x-virt in <<: [*net, *virt]) though an earlier mapping of the merge list also sets network_mode and wins, so the edit "
            + "has no effect; FixAllEngine.Run does not refuse a fix whose finding survives re-linting and reports it as fixed"),
    ];

    /// <summary>The known bug whose failure <paramref name="message"/> of <paramref name="target"/> looks like, or null.</summary>
    public static KnownBug? Match(string target, string message) => All.FirstOrDefault(b => b.Matches(target, message));
}
