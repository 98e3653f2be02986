using System.Collections.Immutable;

namespace HostNetLint.Rules.Engine;

/// <summary>
/// Every rule HostNetLint ships, in ID order. Listed explicitly (no reflection at start-up, so it
/// stays fast and trimming-safe); a meta-test checks that every <see cref="Rule"/> type is listed here.
/// </summary>
public static class RuleCatalog
{
    public static ImmutableArray<Rule> All { get; } = [];

    public static Rule? Find(string id) => All.FirstOrDefault(r => r.Descriptor.Id == id);
}
