namespace HostNetLint.Model.Workloads;

/// <summary>The parts of a <c>ports:</c> short-syntax entry.</summary>
public readonly record struct PortSpec(string? HostIp, int? HostPortStart, int? HostPortEnd, int? ContainerPortStart, int? ContainerPortEnd, PortProtocol Protocol);
