using HostNetLint.Model.Workloads;
using HostNetLint.Parsing.Text;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Rules.Analysis;

/// <summary>
/// Where a finding about a value goes: on the value when it is written in the workload itself, else on
/// the workload's key with the value's origin (the anchor line) and the merge site as related locations.
/// </summary>
internal static class Placement
{
    public static (Location Primary, RelatedLocation[] Related) For(ModelValue value, Workload workload, string originMessage)
    {
        if (!value.IsInherited)
        {
            return (value.Location, []);
        }

        return (workload.Location,
        [
            new RelatedLocation(value.Location, originMessage),
            new RelatedLocation(value.Site, $"merged into '{workload.Name}' here"),
        ]);
    }

    /// <summary>
    /// For a workload on the host network only because it joins another's namespace (<c>service:</c>, <c>container:</c>,
    /// a pod), the place it joins, so a reader sees why a host-network finding applies to it; else nothing.
    /// </summary>
    public static RelatedLocation[] HostNamespaceJoin(Workload workload) =>
        workload.Namespace is { IsHost: true, JoinedBy: { } joinedBy, Owner: { } owner }
            ? [new RelatedLocation(joinedBy.Location, $"joins the network namespace of '{owner.Name}', which is on the host network")]
            : [];
}
