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
    /// <summary>Compose's <c>COMPOSE_PROFILES</c>: comma-separated, blanks around names ignored.</summary>
    public ImmutableHashSet<string> ActiveProfiles =>
        Values.TryGetValue("COMPOSE_PROFILES", out var profiles)
            ? [.. profiles.Split(',').Select(p => p.Trim()).Where(p => p.Length > 0)]
            : [];
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

    public ProjectVariables For(string directory)
    {
        if (byDirectory.TryGetValue(directory, out var known))
        {
            return known;
        }

        var envPath = Path.Combine(directory, ".env");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var written = ImmutableDictionary.CreateBuilder<string, Location>(StringComparer.Ordinal);
        if (File.Exists(envPath) && loader.IsInsideRoot(envPath) && reader.Parse(envPath, EnvFileSyntax.Compose) is var (text, lines))
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

        foreach (var (key, value) in options.Environment)
        {
            values.TryAdd(key, value);
        }

        var result = new ProjectVariables(new Interpolator(values), values, written.ToImmutable());
        byDirectory.Add(directory, result);
        return result;
    }
}
