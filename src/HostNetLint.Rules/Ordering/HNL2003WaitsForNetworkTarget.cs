using HostNetLint.Rules.Analysis;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;
using HostNetLint.Rules.Fixing;

namespace HostNetLint.Rules.Ordering;

/// <summary>HNL2003: network.target says nothing about configured addresses; VM-facing stacks need network-online.target.</summary>
public sealed class HNL2003WaitsForNetworkTarget : Rule
{
    public static readonly RuleDescriptor Definition = RuleDescriptor.Create(
        "HNL2003",
        "Waits for network.target where it needs network-online.target",
        "Unit '{0}' {1}. Host-network containers that connect to VMs at start need configured addresses; use After=network-online.target with Wants=network-online.target.",
        RuleCategory.UnitOrdering,
        Severity.Warning,
        "network.target only means the network management stack was started, not that any address is configured; systemd documents network-online.target, pulled in with Wants=, for units that need a working network when they start.");

    public override RuleDescriptor Descriptor => Definition;

    public override void Analyze(RuleContext context)
    {
        foreach (var (unit, _) in context.Get(UnitAnalysis.VmFacingUnits))
        {
            var after = UnitAnalysis.UnitList(unit, "After");
            var online = after.FirstOrDefault(item => item.Text == "network-online.target");
            var plain = after.FirstOrDefault(item => item.Text == "network.target");
            if (online is null && plain is not null)
            {
                context.Report(plain.Location, FindingPath.InFile(unit.Document.Path).Then("Unit", "After", "network.target"), [unit.Name, "waits for network.target only"], () => ReplaceNetworkTarget(unit, plain));
            }
            else if (online is not null && !UnitAnalysis.PulledIn(unit).Any(item => item.Text == "network-online.target"))
            {
                FixOffer Fix() => UnitFixes.ToFix(UnitFixes.AddToUnitList(unit, "Wants", "network-online.target"), "Add Wants=network-online.target", "HNL2003.NetworkOnline");
                context.Report(online.Location, FindingPath.InFile(unit.Document.Path).Then("Unit", "Wants", "network-online.target"), [unit.Name, "is ordered after network-online.target but does not pull it in with Wants="], Fix);
            }
        }
    }

    /// <summary>network.target becomes network-online.target, and Wants=network-online.target is added (one fix, one file).</summary>
    private static FixOffer ReplaceNetworkTarget(Model.Units.ServiceUnit unit, Parsing.Systemd.UnitListItem plain)
    {
        var replace = UnitEdits.ReplaceItem(plain, "network-online.target");
        if (UnitAnalysis.PulledIn(unit).Any(item => item.Text == "network-online.target"))
        {
            return FixOffer.Of(new CodeFix("Use network-online.target", "HNL2003.NetworkOnline", plain.Entry.Source, [replace]));
        }

        return UnitFixes.AddToUnitList(unit, "Wants", "network-online.target") switch
        {
            { } wants when ReferenceEquals(wants.Document, plain.Entry.Source) =>
                FixOffer.Of(new CodeFix("Use network-online.target", "HNL2003.NetworkOnline", plain.Entry.Source, [replace, wants.Edit])),
            null => FixOffer.None(UnitFixes.IncompleteUnit),
            _ => FixOffer.None("network.target and the last Wants= line are in different files (a drop-in), and one fix edits one file; change both by hand"),
        };
    }
}
