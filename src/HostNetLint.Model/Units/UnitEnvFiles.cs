using System.Collections.Immutable;
using HostNetLint.Model.EnvFiles;
using HostNetLint.Model.Loading;
using HostNetLint.Model.Workloads;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Model.Units;

/// <summary>Reads the env files a workload names (paths as written) for the workload <paramref name="reader"/> declared at <paramref name="readerLocation"/>.</summary>
internal delegate ImmutableArray<EnvironmentVariable> EnvFileSource(IEnumerable<UnitWord> paths, string reader, Location readerLocation);

/// <summary>
/// Reads the env files units name: <c>podman run --env-file</c> (relative to <c>WorkingDirectory=</c>, else <c>/</c>),
/// a quadlet's <c>[Container] EnvironmentFile=</c> (relative to the quadlet file; podman's syntax, as quadlet passes it to
/// <c>--env-file</c>) and systemd's <c>[Service] EnvironmentFile=</c> (absolute, <c>-</c> for optional; systemd's syntax).
/// Absolute paths are install paths, found in the root like compose files named by Exec lines.
/// </summary>
/// <remarks>
/// Quadlet has no <c>EnvFile=</c> key; <c>[Container] EnvironmentFile=</c> is the container's, <c>[Service] EnvironmentFile=</c>
/// the podman process's (podman-systemd.unit(5)). A path with a systemd specifier (<c>%h</c>), an environment reference
/// (<c>$VAR</c>) or, for systemd, a wildcard cannot be known here and is skipped without a finding.
/// </remarks>
internal sealed class UnitEnvFiles
{
    private readonly FileLoader loader;
    private readonly InstallPathResolver resolver;
    private readonly ModelOptions options;
    private readonly EnvFileReader reader;
    private readonly MissingEnvFiles missing;
    private readonly List<ModelProblem> problems;

    public UnitEnvFiles(FileLoader loader, InstallPathResolver resolver, ModelOptions options, EnvFileReader reader, MissingEnvFiles missing, List<ModelProblem> problems)
    {
        this.loader = loader;
        this.resolver = resolver;
        this.options = options;
        this.reader = reader;
        this.missing = missing;
        this.problems = problems;
    }

    /// <summary>The source for <c>podman run --env-file</c> in <paramref name="unit"/>.</summary>
    public EnvFileSource ForPodman(LoadedUnit unit) => (paths, name, location) =>
        Read(paths, EnvFileSyntax.Raw, name, location, path => (InstallPathResolver.Absolute(path, unit.WorkingDirectory?.Text), null));

    /// <summary>The source for a quadlet's <c>[Container] EnvironmentFile=</c>.</summary>
    public EnvFileSource ForQuadlet(LoadedUnit unit) => (paths, name, location) =>
        Read(paths, EnvFileSyntax.Raw, name, location, path => path.StartsWith('/') ? (path, null) : (null, Path.GetDirectoryName(unit.FullPath)));

    /// <summary>
    /// The variables of a unit's <c>[Service]</c>: <c>Environment=</c>, overridden by <c>EnvironmentFile=</c> (systemd.exec(5):
    /// "Settings from these files override settings made with Environment="; of several files, the later wins).
    /// </summary>
    public ImmutableArray<EnvironmentVariable> ForService(LoadedUnit unit)
    {
        var service = unit.Definition.GetSection("Service");
        var declared = (service?.GetEffective("Environment") ?? []).SelectMany(SettingWords.Split).Select(SettingWords.ToVariable).ToList();
        if (service is null || !unit.IsAnalyzable)
        {
            return [.. declared];
        }

        var optional = new HashSet<UnitWord>();
        var paths = new List<UnitWord>();
        foreach (var entry in service.GetEffective("EnvironmentFile"))
        {
            // "-" means a missing file is not an error; it is not part of the path.
            var path = SettingWords.Whole(entry);
            if (path.Text.StartsWith('-'))
            {
                path = path.Slice(1);
                optional.Add(path);
            }

            paths.Add(path);
        }

        var header = new Location(service.Sections[0].Source, service.Sections[0].HeaderSpan);
        var fromFiles = Read(paths, EnvFileSyntax.Systemd, unit.FileName, header, path => (path, null), optional.Contains);
        return EnvFileReader.Override(declared, EnvFileReader.LastWins(fromFiles));
    }

    private ImmutableArray<EnvironmentVariable> Read(
        IEnumerable<UnitWord> paths, EnvFileSyntax syntax, string name, Location readerLocation, Func<string, (string? InstallPath, string? Directory)> locate, Func<UnitWord, bool>? isOptional = null)
    {
        var accumulated = new Dictionary<string, string>(StringComparer.Ordinal);
        var result = new List<EnvironmentVariable>();
        foreach (var path in paths)
        {
            if (path.Text.Length == 0 || path.Text.IndexOfAny(['%', '$']) >= 0 || (syntax == EnvFileSyntax.Systemd && path.Text.IndexOfAny(['*', '?', '[']) >= 0))
            {
                continue;
            }

            var optional = isOptional?.Invoke(path) ?? false;
            var (installPath, directory) = locate(path.Text);
            string? fullPath;
            if (installPath is not null)
            {
                if (!installPath.StartsWith('/'))
                {
                    // systemd refuses a relative EnvironmentFile= ("not an absolute path, ignoring").
                    continue;
                }

                var resolution = resolver.ResolveFile(installPath);
                fullPath = resolution.FullPath;
                if (fullPath is null || !loader.FileExists(fullPath))
                {
                    if (!optional && resolution.MappedPath is { } mapped)
                    {
                        missing.ReportFile(mapped, path.Text, path.Location, name, readerLocation);
                    }
                    else if (!optional)
                    {
                        missing.ReportHostFile(installPath, resolution.Failure ?? $"'{path.Text}' is not a file", resolution.MatchesNothing, path.Location, name, readerLocation);
                    }

                    continue;
                }

                if (!loader.IsInsideRoot(fullPath))
                {
                    // A file of the repository that is a symbolic link out of it is not read either.
                    problems.Add(new ModelProblem(ModelProblemKind.ReferenceOutsideRoot, path.Location, $"'{path.Text}' is outside the linted root; it was not read"));
                    continue;
                }
            }
            else
            {
                try
                {
                    fullPath = FileLoader.Normalize(Path.Combine(directory ?? loader.Root, path.Text));
                }
                catch (ArgumentException)
                {
                    continue;
                }

                if (!loader.IsInsideRoot(fullPath))
                {
                    problems.Add(new ModelProblem(ModelProblemKind.ReferenceOutsideRoot, path.Location, $"'{path.Text}' is outside the linted root; it was not read"));
                    continue;
                }

                if (!loader.FileExists(fullPath))
                {
                    if (!optional)
                    {
                        missing.ReportFile(fullPath, path.Text, path.Location, name, readerLocation);
                    }

                    continue;
                }
            }

            result.AddRange(reader.Read(fullPath, syntax, options.Environment, accumulated, path.Location, path.Location));
        }

        return [.. result];
    }
}
