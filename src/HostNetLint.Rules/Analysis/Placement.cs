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
}
