using HostNetLint.Model.Compose;

namespace HostNetLint.Model.Units;

/// <summary>
/// A compose invocation (<c>podman-compose</c>, <c>docker-compose</c>, <c>docker compose</c>, <c>podman compose</c>):
/// the options before its subcommand under their long names (<c>-f</c> is <c>--file</c>, <c>-p</c> is
/// <c>--project-name</c>), in order, then the subcommand (<c>up</c>, <c>pull</c>, ...) and the words after it.
/// </summary>
internal sealed record ComposeCommand(
    UnitWord Program,
    ComposeTool Tool,
    IReadOnlyList<(string Flag, UnitWord Value)> Options,
    UnitWord? Subcommand,
    IReadOnlyList<UnitWord> Arguments) : ContainerCommand(Program)
{
    /// <summary>The files it names with <c>-f</c>, in order.</summary>
    public IReadOnlyList<UnitWord> Files => [.. Options.All("--file")];

    public UnitWord? ProjectDirectory => Options.Last("--project-directory");
}
