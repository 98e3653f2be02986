namespace HostNetLint.Tests.Fixes;

/// <summary>An <c>x-common</c> anchor some services merge (they then carry no volumes, ports or networks of their own).</summary>
internal sealed record GeneratedAnchor(bool VmFacing, bool Ports, bool Networks, bool Comments);
