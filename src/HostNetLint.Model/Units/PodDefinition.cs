using System.Collections.Immutable;
using HostNetLint.Model.Workloads;

namespace HostNetLint.Model.Units;

/// <summary>A pod's network as its containers inherit it (<c>podman pod create --network</c> or a quadlet <c>.pod</c>).</summary>
internal sealed record PodDefinition(string Name, ModelValue? NetworkMode, ImmutableArray<NetworkAttachment> Networks);
