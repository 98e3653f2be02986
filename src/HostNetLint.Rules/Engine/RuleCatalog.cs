using System.Collections.Immutable;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Rules.Engine;

/// <summary>
/// Every rule HostNetLint ships. Listed explicitly (no reflection at start-up, so it stays fast and
/// trimming-safe); the list of rules is checked by a meta-test (RuleCatalogTests), which rewrites it
/// from the rule types with HOSTNETLINT_UPDATE_DOCS=1.
/// </summary>
public static class RuleCatalog
{
    /// <summary>The rules the engine runs, in ID order.</summary>
    public static ImmutableArray<Rule> Rules { get; } =
    [
        new Input.HNL0001SyntaxError(),
        new Input.HNL0002DuplicateKey(),
        new Input.HNL0003InputOverLimit(),
        new Input.HNL0004ReferencedFileMissing(),
        new Input.HNL0007EnvFileKeptOutOfRepository(),
        new Networking.HNL1001VmFacingWorkloadMustUseHostNetwork(),
        new Networking.HNL1002PublishedPortsDiscardedUnderHostNetwork(),
        new Networking.HNL1003NetworkModeWithNetworks(),
        new Networking.HNL1004ReservedPortTakenByWrongWorkload(),
        new Networking.HNL1005HostPortClash(),
        new Networking.HNL1006HostNetworkListensOnAllInterfaces(),
        new Networking.HNL1007UnknownNetworkMode(),
        new Networking.HNL1008PodmanComposeAddsSecondNetwork(),
        new Networking.HNL1009MisplacedNetworkingKey(),
        new Networking.HNL1010PodMemberPublishesPorts(),
        new Ordering.HNL2001UnitNotOrderedAfterLibvirt(),
        new Ordering.HNL2002LibvirtOrderedButNotPulledIn(),
        new Ordering.HNL2003WaitsForNetworkTarget(),
        new Hygiene.HNL3001ObsoleteVersionKey(),
        new Hygiene.HNL3002UnknownServiceKey(),
    ];

    /// <summary>
    /// Every descriptor HostNetLint reports, in ID order: the rules' and those of the findings the engine
    /// reports itself (suppressions, configuration). Docs, <c>hostnetlint rules</c> and SARIF rule tables list these.
    /// </summary>
    public static ImmutableArray<RuleDescriptor> Descriptors { get; } =
    [
        .. Rules.Select(r => r.Descriptor)
            .Append(Input.HNL0005UnusedOrUnknownSuppression.Definition)
            .Append(Input.HNL0006InvalidConfiguration.Definition)
            .OrderBy(d => d.Id, StringComparer.Ordinal),
    ];

    /// <summary>The descriptor with this ID, or null when HostNetLint has no such rule.</summary>
    public static RuleDescriptor? Find(string id) => Descriptors.FirstOrDefault(d => d.Id == id);
}
