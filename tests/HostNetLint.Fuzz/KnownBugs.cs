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
            "yaml/flow-pair-in-sequence.yaml",
            ["YamlMapping in a YamlSequence", "outside its parent's"],
            "YamlTreeBuilder.Pop takes a mapping's start from its MappingStart event, but YamlDotNet gives the implicit one-pair "
            + "mapping of a flow sequence ([b: c]) an empty mark at offset 0, so its span runs from the start of the file; "
            + "findings and fixes that use that span point at the wrong text"),
        new(
            "yaml/empty-first-key.yaml",
            ["YamlScalar in a YamlMapping has span", "outside its parent's"],
            "YamlTreeBuilder.ScalarSpan/Span take a scalar's span from its event, but the empty key YamlDotNet synthesizes for a "
            + "block mapping entry without a key (': x' after a comment, '---' or '...') carries no position of its own: an empty "
            + "mark at offset 0, or the mark of where the document started, outside its mapping (the same root cause as "
            + "yaml/flow-pair-in-sequence.yaml: synthesized events carry no position)"),
    ];

    /// <summary>The known bug whose failure <paramref name="message"/> of <paramref name="target"/> looks like, or null.</summary>
    public static KnownBug? Match(string target, string message) => All.FirstOrDefault(b => b.Matches(target, message));
}
