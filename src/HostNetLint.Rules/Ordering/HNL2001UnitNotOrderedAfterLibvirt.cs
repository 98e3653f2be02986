using HostNetLint.Model.Runtime;
using HostNetLint.Parsing.Text;
using HostNetLint.Rules.Analysis;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;
using HostNetLint.Rules.Fixing;

namespace HostNetLint.Rules.Ordering;

/// <summary>HNL2001: a unit that starts VM-facing containers must start after libvirt (ADR-0043's unit).</summary>
public sealed class HNL2001UnitNotOrderedAfterLibvirt : Rule
{
    public static readonly RuleDescriptor Definition = RuleDescriptor.Create(
        "HNL2001",
        "A unit that starts VM-facing containers is not ordered after libvirt",
        "Unit '{0}' is not ordered after libvirt, but {1}. At boot the containers can start before libvirtd and fail to reach it; add libvirtd.service to After=.",
        RuleCategory.UnitOrdering,
        Severity.Error,
        "systemd starts units in parallel unless After= orders them. A unit whose containers drive libvirt (socket mount, libvirt URI, virsh or kcli) must be ordered after libvirtd (or the modular virtqemud), or the stack races the daemon at every boot.",
        runtimeFacts: [RuntimeFacts.SystemdRunWrapsCommand]);

    public override RuleDescriptor Descriptor => Definition;

    public override void Analyze(RuleContext context)
    {
        foreach (var (unit, reason) in context.Get(UnitAnalysis.VmFacingUnits))
        {
            var after = UnitAnalysis.UnitList(unit, "After");
            if (after.Any(item => context.Options.LibvirtUnits.Contains(item.Text, StringComparer.Ordinal)))
            {
                continue;
            }

            // Point at the last After= line, where the fix adds libvirtd.service; else at [Unit].
            var location = after.Count > 0
                ? new Location(after[^1].Entry.Source, after[^1].Entry.KeySpan)
                : unit.UnitSectionLocation;
            FixOffer Fix() => UnitFixes.ToFix(UnitFixes.AddToUnitList(unit, "After", "libvirtd.service"), "Order the unit after libvirtd.service", "HNL2001.AfterLibvirt");
            context.Report(location, FindingPath.InFile(unit.Document.Path).Then("Unit", "After", "libvirt"), [unit.Name, reason], Fix);
        }
    }
}
