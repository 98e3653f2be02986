using HostNetLint.Model.Units;
using HostNetLint.Model.Workloads;
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
    /// is not judged (HNL0004 says why), nor is one that starts no container: its own environment
    /// (<c>Environment=LIBVIRT_DEFAULT_URI=…</c> for a <c>virsh</c> line) is not a container's.
    /// </summary>
    public static string? FindVmFacingReason(ServiceUnit unit, LintOptions options) =>
        ContainerSignals(unit, options).Select(s => $"it starts '{s.Workload.Name}', which {s.Signal.Description}").FirstOrDefault();

    /// <summary>
    /// Every VM-access signal of the containers the unit starts, each with its container. The unit's own
    /// <c>Environment=</c> counts only for a container that takes the variable from the environment it is started
    /// in: named without a value (<c>podman run --env NAME</c>, compose <c>environment: [NAME]</c>) or interpolated
    /// by compose (<c>${NAME}</c>).
    /// </summary>
    public static IEnumerable<(Workload Workload, VmAccessSignal Signal)> ContainerSignals(ServiceUnit unit, LintOptions options)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(options);
        if (!unit.IsResolved)
        {
            yield break;
        }

        foreach (var workload in unit.Workloads)
        {
            foreach (var signal in VmAccessAnalysis.FindSignals(workload, options))
            {
                yield return (workload, signal);
            }

            if (VmAccessAnalysis.IsOptedOut(workload, options))
            {
                continue;
            }

            foreach (var variable in unit.Environment.Where(v => TakesFromStartEnvironment(workload, v.Name)))
            {
                if (VmAccessAnalysis.FindEnvironmentSignal([variable]) is { } signal)
                {
                    yield return (workload, signal with { Description = $"takes {variable.Name} from the unit's Environment= ({variable.Value?.Text})" });
                }
            }
        }
    }

    private static bool TakesFromStartEnvironment(Workload workload, string name) =>
        workload.Environment.Any(e => (e.Name == name && e.Value is null) || (e.Value is { } value && References(value.Raw, name)));

    /// <summary>True when <paramref name="raw"/> interpolates <c>$NAME</c> or <c>${NAME…}</c>.</summary>
    private static bool References(string raw, string name)
    {
        for (var at = raw.IndexOf('$', StringComparison.Ordinal); at >= 0 && at + 1 < raw.Length; at = raw.IndexOf('$', at + 1))
        {
            if (raw[at + 1] == '$')
            {
                // $$ is a literal dollar sign.
                at++;
                continue;
            }

            var start = at + 1 < raw.Length && raw[at + 1] == '{' ? at + 2 : at + 1;
            var end = start + name.Length;
            if (string.CompareOrdinal(raw, start, name, 0, name.Length) == 0 && (end == raw.Length || !(char.IsAsciiLetterOrDigit(raw[end]) || raw[end] == '_')))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The first signal of the unit's containers that needs libvirt already running, because it does not go through
    /// libvirt's socket, whose first connection would start the daemon: VM addresses, TCP to the local daemon.
    /// </summary>
    public static (Workload Workload, VmAccessSignal Signal)? FindDaemonDependentSignal(ServiceUnit unit, LintOptions options) =>
        ContainerSignals(unit, options).Where(s => s.Signal.Route is VmAccessRoute.VmAddress or VmAccessRoute.LocalTcp)
            .Select(s => ((Workload, VmAccessSignal)?)s).FirstOrDefault();

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
