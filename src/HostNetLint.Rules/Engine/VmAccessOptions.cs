using System.Collections.Immutable;

namespace HostNetLint.Rules.Engine;

/// <summary>
/// Configured signals of VM access on top of the built-in ones (libvirt socket, qemu URIs, virsh, VM
/// addresses): workload name globs, image globs and labels (<c>key</c> or <c>key=value</c>), and
/// workload name globs that never count as VM-facing.
/// </summary>
public sealed record VmAccessOptions
{
    public static VmAccessOptions Default { get; } = new();

    public ImmutableArray<string> Names { get; init; } = [];

    public ImmutableArray<string> Images { get; init; } = [];

    public ImmutableArray<string> Labels { get; init; } = [];

    public ImmutableArray<string> Exclude { get; init; } = [];
}
