using System.Globalization;

namespace HostNetLint.Benchmarks.Synthetic;

/// <summary>How the unit of a synthetic project orders itself against the network and libvirt.</summary>
internal enum UnitOrdering
{
    /// <summary>ADR-0043's unit before the fix: <c>After=network.target</c> only (HNL2001, HNL2003).</summary>
    NetworkTargetOnly,

    /// <summary>After libvirtd without pulling it in (HNL2002).</summary>
    AfterLibvirtOnly,

    /// <summary>After, Wants and Requires as they should be.</summary>
    Complete,
}

/// <summary>A quadlet beside the project: a libvirt exporter on the host network.</summary>
internal sealed record QuadletShape(bool PublishesPort);

/// <summary>The seeded choices for one synthetic project; ports follow from its index alone.</summary>
internal sealed record ProjectShape
{
    public required int Index { get; init; }

    /// <summary>After ADR-0043's fix (network_mode: host in the anchor) or before it (a bridge network).</summary>
    public required bool HostNetwork { get; init; }

    /// <summary>A host-network project that still publishes the webserver's port (HNL1002).</summary>
    public required bool HostNetworkKeepsPorts { get; init; }

    /// <summary>The webserver binds 0.0.0.0 (HNL1006 when on the host network).</summary>
    public required bool WebserverOnAllInterfaces { get; init; }

    public required bool HasVersionKey { get; init; }

    public required int ExtraWorkers { get; init; }

    public required UnitOrdering Ordering { get; init; }

    public required QuadletShape? Quadlet { get; init; }

    public string Name => string.Create(CultureInfo.InvariantCulture, $"stack{Index:D5}");

    public int WebPort => SyntheticRepository.FirstPort + (Index * SyntheticRepository.PortsPerProject);

    public int McpPort => WebPort + 1;

    public int DatabasePort => WebPort + 2;

    public int ExporterPort => WebPort + 3;

    /// <summary>The log port of extra worker 1 or 2, the last two ports of the block.</summary>
    public int WorkerPort(int worker) => WebPort + 3 + worker;

    public string DatabaseHost => HostNetwork ? string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{DatabasePort}") : "postgres";

    // On a bridge the server must listen on all of the container's interfaces for the published port to reach it.
    public string WebserverBind => WebserverOnAllInterfaces || !HostNetwork ? "0.0.0.0" : "127.0.0.1";

    public string McpBind => HostNetwork ? "127.0.0.1" : "0.0.0.0";

    /// <summary>Draws the choices for project <paramref name="index"/> from <paramref name="random"/> (always the same number of draws).</summary>
    public static ProjectShape Pick(int index, SplitMix64 random)
    {
        var hostNetwork = random.Chance(0.6);
        var keepsPorts = random.Chance(0.3);
        var allInterfaces = random.Chance(0.2);
        var versionKey = random.Chance(0.5);
        var workers = random.Below(3);
        var ordering = (UnitOrdering)random.Below(3);
        var quadlet = random.Chance(0.25);
        var quadletPublishes = random.Chance(0.5);
        return new ProjectShape
        {
            Index = index,
            HostNetwork = hostNetwork,
            HostNetworkKeepsPorts = hostNetwork && keepsPorts,
            WebserverOnAllInterfaces = allInterfaces,
            HasVersionKey = versionKey,
            ExtraWorkers = workers,
            Ordering = ordering,
            Quadlet = quadlet ? new QuadletShape(quadletPublishes) : null,
        };
    }
}
