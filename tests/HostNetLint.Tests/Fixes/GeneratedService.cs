namespace HostNetLint.Tests.Fixes;

/// <summary>One generated service: its network setup and how it is written.</summary>
internal sealed record GeneratedService(int Index, bool VmFacing, string? NetworkMode, bool Ports, bool Networks, bool Flow, int Quote, bool Comments, bool CompactSequences, bool MergesAnchor = false)
{
    public string Name => $"svc{Index}";

    /// <summary>After fix-all every VM-facing service is on the host network (HNL1001 replaces bridge).</summary>
    public bool EndsOnHostNetwork => VmFacing || NetworkMode == "host";
}
