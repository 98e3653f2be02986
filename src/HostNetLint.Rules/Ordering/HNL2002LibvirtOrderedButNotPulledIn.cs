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
        "Unit '{0}' is ordered after {1} but does not pull it in. After= only orders; add Wants={1} (or Requires=) so libvirt is started too.",
        RuleCategory.UnitOrdering,
        Severity.Warning,
        "After= orders two units only when both are being started; it does not start the other one. A unit that needs libvirt should also name it in Wants= or Requires=, or a host where libvirtd is socket-activated or disabled starts the stack without it.");

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

            var libvirt = UnitAnalysis.UnitList(unit, "After").FirstOrDefault(item => context.Options.LibvirtUnits.Contains(item.Text, StringComparer.Ordinal));
            if (libvirt is not null)
            {
                var fix = UnitFixes.ToFix(UnitFixes.AddToUnitList(unit, "Wants", libvirt.Text), $"Add Wants={libvirt.Text}", "HNL2002.WantsLibvirt");
                context.Report(libvirt.Location, FindingPath.InFile(unit.Document.Path).Then("Unit", "Wants", "libvirt"), [unit.Name, libvirt.Text], fix);
            }
        }
    }
}
