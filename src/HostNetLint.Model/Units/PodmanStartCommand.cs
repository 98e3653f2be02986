namespace HostNetLint.Model.Units;

/// <summary>
/// <c>podman start NAME...</c> (or <c>podman container start</c>) and <c>podman pod start NAME...</c>: starts containers
/// or pods created earlier, by another Exec line, another unit, or by hand (the units <c>podman generate systemd</c> writes).
/// </summary>
internal sealed record PodmanStartCommand(UnitWord Program, bool StartsPods, IReadOnlyList<UnitWord> Names) : ContainerCommand(Program);
