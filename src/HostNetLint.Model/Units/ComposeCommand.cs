namespace HostNetLint.Model.Units;

/// <summary>
/// A compose invocation (<c>podman-compose</c>, <c>docker-compose</c>, <c>docker compose</c>, <c>podman compose</c>)
/// with the files it names (<c>-f</c>, in order) and its <c>--project-directory</c>.
/// </summary>
internal sealed record ComposeCommand(UnitWord Program, IReadOnlyList<UnitWord> Files, UnitWord? ProjectDirectory) : ContainerCommand(Program);
