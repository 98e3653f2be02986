using HostNetLint.Model.Units;
using HostNetLint.Parsing.Systemd;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Rules.Analysis;

/// <summary>What the ordering rules need to know about a unit: does it start VM-facing containers, and how is it ordered.</summary>
public static class UnitAnalysis
{
    /// <summary>Every unit that starts VM-facing containers, with the reason; computed once per run for the HNL2xxx rules.</summary>
    public static SharedAnalysis<IReadOnlyList<(ServiceUnit Unit, string Reason)>> VmFacingUnits { get; } = new((model, options) =>
        [.. model.Units.Select(unit => (Unit: unit, Reason: FindVmFacingReason(unit, options))).Where(u => u.Reason is not null).Select(u => (u.Unit, u.Reason!))]);

    /// <summary>
    /// Why the unit starts VM-facing containers, or null. A unit whose compose file could not be resolved
    /// is not judged (HNL0004 says why).
    /// </summary>
    public static string? FindVmFacingReason(ServiceUnit unit, LintOptions options)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(options);
        if (!unit.IsResolved)
        {
            return null;
        }

        foreach (var workload in unit.Workloads)
        {
            if (VmAccessAnalysis.FindSignal(workload, options) is { } signal)
            {
                return $"it starts '{workload.Name}', which {signal.Description}";
            }
        }

        return VmAccessAnalysis.FindEnvironmentSignal(unit.Environment) is { } own ? $"it {own.Description}" : null;
    }

    /// <summary>The items of a [Unit] list directive (After=, Wants=, ...) after drop-ins and resets.</summary>
    public static IReadOnlyList<UnitListItem> UnitList(ServiceUnit unit, string key)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return unit.Definition.GetSection("Unit") is { } section ? section.GetList(key) : [];
    }

    /// <summary>The units pulled in by requirement dependencies (Wants=, Requires=, BindsTo=, Requisite=).</summary>
    public static IReadOnlyList<UnitListItem> PulledIn(ServiceUnit unit) =>
        [.. RequirementKeys.SelectMany(key => UnitList(unit, key))];

    private static readonly string[] RequirementKeys = ["Wants", "Requires", "BindsTo", "Requisite", "Upholds"];
}
