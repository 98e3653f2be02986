using System.Collections.Immutable;
using HostNetLint.Model.Workloads;
using HostNetLint.Parsing.Systemd;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Model.Units;

public enum ServiceUnitKind
{
    /// <summary>A <c>.service</c> unit file.</summary>
    Service,

    /// <summary>A Podman quadlet (<c>.container</c>, <c>.pod</c>, <c>.kube</c>, <c>.network</c>, ...); its [Unit] passes to the generated service.</summary>
    Quadlet,
}

/// <summary>
/// A systemd unit (or quadlet) that starts workloads, with its drop-ins merged. The ordering rules
/// (HNL2xxx) read <see cref="Definition"/>'s [Unit] section; the workloads it starts are linked here.
/// </summary>
public sealed class ServiceUnit
{
    /// <summary>The unit's file name, e.g. <c>airflow.service</c> or <c>airflow.container</c>.</summary>
    public required string Name { get; init; }

    public required ServiceUnitKind Kind { get; init; }

    public required SourceDocument Document { get; init; }

    /// <summary>The unit with its <c>NAME.d/*.conf</c> drop-ins merged in lexical order.</summary>
    public required UnitDefinition Definition { get; init; }

    /// <summary>
    /// The workloads this unit starts: compose services of a linked project, <c>podman run</c> containers,
    /// the quadlet's own container or pod.
    /// </summary>
    public ImmutableArray<Workload> Workloads { get; init; } = [];

    /// <summary>
    /// False when the unit runs compose (or plays a Kubernetes YAML file) but the file could not be resolved to one
    /// in the linted root (an HNL0004 problem is recorded); such a unit is not judged by the ordering rules.
    /// </summary>
    public bool IsResolved { get; init; } = true;

    /// <summary>
    /// The unit's own environment (VM-access evidence such as <c>Environment=LIBVIRT_DEFAULT_URI=qemu:///system</c>):
    /// <c>[Service] Environment=</c>, overridden by what its <c>EnvironmentFile=</c>s set, as systemd does.
    /// </summary>
    public ImmutableArray<EnvironmentVariable> Environment { get; init; } = [];

    /// <summary>Where a finding about the whole unit goes: the first <c>[Unit]</c> header, else the file's first line.</summary>
    public Location UnitSectionLocation
    {
        get
        {
            var section = Definition.Main.Sections.FirstOrDefault(s => s.Name == "Unit");
            return new Location(Document.Text, section?.HeaderSpan ?? new TextSpan(0, 0));
        }
    }
}
