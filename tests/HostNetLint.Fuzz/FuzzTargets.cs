using HostNetLint.Fuzz.Targets;

namespace HostNetLint.Fuzz;

/// <summary>Runs one input through a target; throws on a crash or a broken invariant.</summary>
public delegate void FuzzTarget(ReadOnlySpan<byte> input);

/// <summary>
/// The fuzz targets by name, with the seed folders (under <c>seeds/</c>) whose input format each reads. The fuzz
/// scripts and the regression tests both take the list from here.
/// </summary>
public static class FuzzTargets
{
    public static IReadOnlyList<(string Name, FuzzTarget Run, string[] SeedFolders)> All { get; } =
    [
        ("yaml", YamlTreeTarget.Run, ["yaml"]),
        ("unit", UnitFileTarget.Run, ["unit"]),
        ("model", ModelTarget.Run, ["yaml", "bundle"]),
        ("fix", FixEngineTarget.Run, ["yaml", "bundle"]),
    ];

    public static (string Name, FuzzTarget Run, string[] SeedFolders)? Find(string name) =>
        All.FirstOrDefault(t => t.Name == name) is { Run: not null } target ? target : null;
}
