namespace HostNetLint.Model.Units;

/// <summary><c>podman kube play [--network N] FILE</c>: the pods of a Kubernetes YAML file.</summary>
internal sealed record KubePlayCommand(UnitWord Program, UnitWord? File, IReadOnlyList<UnitWord> Networks) : ContainerCommand(Program);
