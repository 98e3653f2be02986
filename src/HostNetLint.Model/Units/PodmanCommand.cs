namespace HostNetLint.Model.Units;

/// <summary>
/// A <c>podman run</c>/<c>create</c> or <c>podman pod create</c>: its value-taking options under their long names
/// (<c>-v</c> is <c>--volume</c>), in order, then the image and the command after it.
/// </summary>
internal sealed record PodmanCommand(
    UnitWord Program,
    PodmanCommandKind Kind,
    IReadOnlyList<(string Flag, UnitWord Value)> Options,
    UnitWord? Image,
    IReadOnlyList<UnitWord> Arguments) : ContainerCommand(Program)
{
    public UnitWord? Last(string flag) => Options.Last(flag);

    public IEnumerable<UnitWord> All(string flag) => Options.All(flag);
}
