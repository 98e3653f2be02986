using System.Collections.Immutable;
using HostNetLint.Model.EnvFiles;
using HostNetLint.Model.Interpolation;
using HostNetLint.Model.Loading;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Model.Compose;

/// <summary>
/// The variables a project directory's files are interpolated with, the interpolator over them, and where each
/// one the <c>.env</c> sets is written (for <c>COMPOSE_FILE</c>'s problems).
/// </summary>
internal sealed record ProjectVariables(Interpolator Interpolator, IReadOnlyDictionary<string, string> Values, ImmutableDictionary<string, Location> Written)
{
    /// <summary>Profiles given instead of <c>COMPOSE_PROFILES</c> (compose's <c>--profile</c>); null when none are.</summary>
    public ImmutableHashSet<string>? GivenProfiles { get; init; }

    /// <summary>The given profiles, else compose's <c>COMPOSE_PROFILES</c>: comma-separated, blanks around names ignored.</summary>
    public ImmutableHashSet<string> ActiveProfiles =>
        GivenProfiles ?? (Values.TryGetValue("COMPOSE_PROFILES", out var profiles)
            ? [.. profiles.Split(',').Select(p => p.Trim()).Where(p => p.Length > 0)]
            : []);
}

/// <summary>
/// Reads each project directory's <c>.env</c> once (compose-go's dotenv syntax): its values first, then the
/// host-supplied environment for what it does not set. A <c>.env</c> that is read becomes a document (without a YAML
/// tree); a value that would grow past a limit (variables that reference each other) is reported at the variable.
/// </summary>
internal sealed class ProjectVariablesLoader
{
    private readonly FileLoader loader;
    private readonly ModelOptions options;
    private readonly EnvFileReader reader;
    private readonly Dictionary<string, ProjectVariables> byDirectory = new(StringComparer.Ordinal);

    public ProjectVariablesLoader(FileLoader loader, ModelOptions options, EnvFileReader reader)
    {
        this.loader = loader;
        this.options = options;
        this.reader = reader;
    }

    public ProjectVariables For(string directory) => For(directory, [], []);

    /// <summary>
    /// The variables of a run given <paramref name="envFiles"/> (full paths, read in order instead of the directory's
    /// <c>.env</c>, later ones winning, as compose's <c>--env-file</c>) and <paramref name="profiles"/> (instead of
    /// <c>COMPOSE_PROFILES</c>); with neither, the directory's own.
    /// </summary>
    public ProjectVariables For(string directory, IReadOnlyList<string> envFiles, ImmutableArray<string> profiles)
    {
        var key = envFiles.Count == 0 && profiles.IsEmpty ? directory : string.Join('\n', [directory, .. envFiles, "--profile", .. profiles]);
        if (byDirectory.TryGetValue(key, out var known))
        {
            return known;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var written = ImmutableDictionary.CreateBuilder<string, Location>(StringComparer.Ordinal);
        foreach (var envPath in envFiles.Count == 0 ? [Path.Combine(directory, ".env")] : envFiles)
        {
            if (loader.FileExists(envPath) && loader.IsInsideRoot(envPath) && reader.Parse(envPath, EnvFileSyntax.Compose) is var (text, lines))
            {
                // The .env's own earlier values come before the host's (the host environment only fills gaps).
                var (variables, limits) = EnvFileResolver.Resolve(lines, options.Environment, values, accumulatedFirst: true);
                foreach (var variable in variables)
                {
                    written[variable.Name] = new Location(text, variable.Line.Inherited ? variable.Line.NameSpan : variable.Line.ValueSpan);
                }

                foreach (var limit in limits)
                {
                    reader.ReportLimit(new Location(text, limit.Line.NameSpan), limit.Message);
                }
            }
        }

        foreach (var (name, value) in options.Environment)
        {
            values.TryAdd(name, value);
        }

        var result = new ProjectVariables(new Interpolator(values), values, written.ToImmutable())
        {
            GivenProfiles = profiles.IsEmpty ? null : [.. profiles],
        };
        byDirectory.Add(key, result);
        return result;
    }
}
