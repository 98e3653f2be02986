namespace HostNetLint.Model.Compose;

/// <summary>The file names compose-go and podman-compose look for, in their order.</summary>
internal static class ComposeFileNames
{
    public static readonly string[] Base = ["compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"];

    public static readonly string[] Override = ["compose.override.yml", "compose.override.yaml", "docker-compose.override.yml", "docker-compose.override.yaml"];

    public static readonly string[] PodmanBase = ["podman-compose.yml", "podman-compose.yaml", "container-compose.yml", "container-compose.yaml"];

    public static readonly string[] PodmanOverride = ["container-compose.override.yml", "container-compose.override.yaml"];

    /// <summary>The stems of compose's and podman-compose's names, which a variant's name starts with (<c>docker-compose.prod.yml</c>).</summary>
    private static readonly string[] Stems = ["compose.", "docker-compose.", "podman-compose.", "container-compose."];

    public static bool IsKnownName(string fileName) =>
        Base.Contains(fileName, StringComparer.Ordinal) || Override.Contains(fileName, StringComparer.Ordinal)
        || PodmanBase.Contains(fileName, StringComparer.Ordinal) || PodmanOverride.Contains(fileName, StringComparer.Ordinal);

    /// <summary>True for <c>.yml</c> and <c>.yaml</c>, in any case.</summary>
    public static bool IsYaml(string fileName) =>
        fileName.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A name made like compose's own but not one it looks for: <c>compose.*.y(a)ml</c>, <c>docker-compose.*.y(a)ml</c>,
    /// <c>podman-compose.*.y(a)ml</c>, <c>container-compose.*.y(a)ml</c> and <c>*.compose.y(a)ml</c>. Such files are
    /// started with <c>-f</c>, on their own or over a base file.
    /// </summary>
    public static bool IsComposeLikeName(string fileName)
    {
        if (!IsYaml(fileName) || IsKnownName(fileName))
        {
            return false;
        }

        var stem = fileName[..fileName.LastIndexOf('.')];
        return Stems.Any(s => stem.Length > s.Length && stem.StartsWith(s, StringComparison.Ordinal))
            || (stem.Length > ".compose".Length && stem.EndsWith(".compose", StringComparison.Ordinal));
    }

    /// <summary>
    /// The base file and the first override of a directory, as compose would load them; empty when the
    /// directory has no base file. Without a compose-go base, podman-compose's names are used.
    /// </summary>
    public static IReadOnlyList<string> Discover(string directory, Func<string, bool> fileExists)
    {
        var baseFile = FirstExisting(directory, Base, fileExists) ?? FirstExisting(directory, PodmanBase, fileExists);
        if (baseFile is null)
        {
            return [];
        }

        var overrideFile = FirstExisting(directory, Override, fileExists) ?? FirstExisting(directory, PodmanOverride, fileExists);
        return overrideFile is null ? [baseFile] : [baseFile, overrideFile];
    }

    private static string? FirstExisting(string directory, string[] names, Func<string, bool> fileExists)
    {
        foreach (var name in names)
        {
            var path = Path.Combine(directory, name);
            if (fileExists(path))
            {
                return path;
            }
        }

        return null;
    }
}
