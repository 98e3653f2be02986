using System.Collections.Immutable;
using HostNetLint.Rules.Hygiene;
using HostNetLint.Rules.Input;
using HostNetLint.Rules.Networking;
using HostNetLint.Rules.Ordering;

namespace HostNetLint.Rules.Engine;

/// <summary>
/// Every rule HostNetLint ships, in ID order. Listed explicitly (no reflection at start-up, so it
/// stays fast and trimming-safe); a meta-test checks that every <see cref="Rule"/> type is listed here.
/// </summary>
public static class RuleCatalog
{
    public static ImmutableArray<Rule> All { get; } =
    [
        new HNL0001SyntaxError(),
        new HNL0002DuplicateKey(),
        new HNL0003InputOverLimit(),
        new HNL0004ReferencedFileMissing(),
        new HNL0005UnusedOrUnknownSuppression(),
        new HNL0006InvalidConfiguration(),
        new HNL0007EnvFileKeptOutOfRepository(),
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

    public static Rule? Find(string id) => All.FirstOrDefault(r => r.Descriptor.Id == id);
}
