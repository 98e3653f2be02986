using HostNetLint.Model.Interpolation;
using HostNetLint.Model.Loading;

namespace HostNetLint.Model.Compose;

/// <summary>The variables a project directory's files are interpolated with, and the interpolator over them.</summary>
internal sealed record ProjectVariables(Interpolator Interpolator, IReadOnlyDictionary<string, string> Values);

/// <summary>
/// Reads each project directory's <c>.env</c> once: its values first, then the host-supplied environment
/// for what it does not set. A <c>.env</c> that is read becomes a document (without a YAML tree).
/// </summary>
internal sealed class ProjectVariablesLoader
{
    private readonly FileLoader loader;
    private readonly ModelOptions options;
    private readonly Dictionary<string, ProjectVariables> byDirectory = new(StringComparer.Ordinal);

    public ProjectVariablesLoader(FileLoader loader, ModelOptions options)
    {
        this.loader = loader;
        this.options = options;
    }

    public ProjectVariables For(string directory)
    {
        if (byDirectory.TryGetValue(directory, out var known))
        {
            return known;
        }

        var envPath = Path.Combine(directory, ".env");
        Dictionary<string, string> values;
        if (File.Exists(envPath) && loader.IsInsideRoot(envPath))
        {
            var document = loader.Load(envPath, parseYaml: false);
            values = DotEnvParser.Parse(document.Text.Text, options.Environment);
            foreach (var (key, value) in options.Environment)
            {
                values.TryAdd(key, value);
            }
        }
        else
        {
            values = new Dictionary<string, string>(options.Environment, StringComparer.Ordinal);
        }

        var result = new ProjectVariables(new Interpolator(values), values);
        byDirectory.Add(directory, result);
        return result;
    }
}
