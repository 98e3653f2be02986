using HostNetLint.Parsing.Systemd;

namespace HostNetLint.Model.Units;

/// <summary>A unit file read and merged with its drop-ins, with the container commands its Exec lines run.</summary>
internal sealed record LoadedUnit(
    string FullPath,
    string FileName,
    SourceDocument Document,
    UnitDefinition Definition,
    ServiceUnitKind Kind,
    IReadOnlyList<ContainerCommand> Commands,
    UnitWord? WorkingDirectory)
{
    /// <summary>False when systemd or quadlet would refuse the main file; such a unit starts no workloads.</summary>
    public bool IsAnalyzable { get; init; } = true;
}
