using System.Collections.Immutable;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Hygiene;
using HostNetLint.Rules.Input;
using HostNetLint.Rules.Networking;
using HostNetLint.Rules.Ordering;

namespace HostNetLint.Rules.Engine;

/// <summary>
/// Every rule HostNetLint ships. Listed explicitly (no reflection at start-up, so it stays fast and
/// trimming-safe); meta-tests check that every <see cref="Rule"/> type and every descriptor is listed here.
/// </summary>
public static class RuleCatalog
{
    /// <summary>The rules the engine runs, in ID order.</summary>
    public static ImmutableArray<Rule> Rules { get; } =
    [
        new HNL0001SyntaxError(),
        new HNL0002DuplicateKey(),
        new HNL0003InputOverLimit(),
        new HNL0004ReferencedFileMissing(),
        new HNL1001VmFacingWorkloadMustUseHostNetwork(),
        new HNL1002PublishedPortsDiscardedUnderHostNetwork(),
        new HNL1003NetworkModeWithNetworks(),
        new HNL1004ReservedPortTakenByWrongWorkload(),
        new HNL1005HostPortClash(),
        new HNL1006HostNetworkListensOnAllInterfaces(),
        new HNL1007UnknownNetworkMode(),
        new HNL2001UnitNotOrderedAfterLibvirt(),
        new HNL2002LibvirtOrderedButNotPulledIn(),
        new HNL2003WaitsForNetworkTarget(),
        new HNL3001ObsoleteVersionKey(),
    ];

    /// <summary>
    /// Every descriptor HostNetLint reports, in ID order: the rules' and those of the findings the engine
    /// reports itself (suppressions, configuration). Docs, <c>hostnetlint rules</c> and SARIF rule tables list these.
    /// </summary>
    public static ImmutableArray<RuleDescriptor> Descriptors { get; } =
    [
        .. Rules.Select(r => r.Descriptor)
            .Append(HNL0005UnusedOrUnknownSuppression.Definition)
            .Append(HNL0006InvalidConfiguration.Definition)
            .OrderBy(d => d.Id, StringComparer.Ordinal),
    ];

    /// <summary>The descriptor with this ID, or null when HostNetLint has no such rule.</summary>
    public static RuleDescriptor? Find(string id) => Descriptors.FirstOrDefault(d => d.Id == id);
}
