using HostNetLint.Rules.Analysis;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;
using HostNetLint.Rules.Fixing;

namespace HostNetLint.Rules.Ordering;

/// <summary>HNL2002: After= orders but does not start; without Wants= libvirt may not be running at all.</summary>
public sealed class HNL2002LibvirtOrderedButNotPulledIn : Rule
{
    public static readonly RuleDescriptor Definition = RuleDescriptor.Create(
        "HNL2002",
        "Ordered after libvirt but does not pull it in",
        "Unit '{0}' is ordered after {1} but does not pull it in, and {2}, which does not go through libvirt's socket, so no connection starts libvirt on demand. After= only orders; add Wants={1} (or Requires=) so libvirt, and the VMs it autostarts, are running.",
        RuleCategory.UnitOrdering,
        Severity.Warning,
        "After= orders two units only when both are being started; it does not start the other one. Where the containers reach libvirt through its socket, the first connection starts the daemon (the socket units are enabled by default), but a container that reaches VMs by their addresses, or libvirt over TCP, needs libvirt already running: such a unit should also name it in Wants= or Requires=.");

    public override RuleDescriptor Descriptor => Definition;

    public override void Analyze(RuleContext context)
    {
        foreach (var (unit, _) in context.Get(UnitAnalysis.VmFacingUnits))
        {
            var pulled = UnitAnalysis.PulledIn(unit).Select(item => item.Text).ToHashSet(StringComparer.Ordinal);
            if (pulled.Overlaps(context.Options.LibvirtUnits))
            {
                continue;
            }

            // Through the socket, the first connection starts libvirt: Wants= adds nothing there.
            var libvirt = UnitAnalysis.UnitList(unit, "After").FirstOrDefault(item => context.Options.LibvirtUnits.Contains(item.Text, StringComparer.Ordinal));
            if (libvirt is not null && UnitAnalysis.FindDaemonDependentSignal(unit, context.Options) is ({ } workload, { } signal))
            {
                FixOffer Fix() => UnitFixes.ToFix(UnitFixes.AddToUnitList(unit, "Wants", libvirt.Text), $"Add Wants={libvirt.Text}", "HNL2002.WantsLibvirt");
                var needs = $"it starts '{workload.Name}', which {signal.Description}";
                context.Report(libvirt.Location, FindingPath.InFile(unit.Document.Path).Then("Unit", "Wants", "libvirt"), [unit.Name, libvirt.Text, needs], Fix, new RelatedLocation(signal.Evidence.Location, $"'{workload.Name}' needs libvirt running: {signal.Description}"));
            }
        }
    }
}
