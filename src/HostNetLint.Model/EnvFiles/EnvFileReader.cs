using System.Collections.Immutable;
using System.Globalization;
using HostNetLint.Model.Loading;
using HostNetLint.Model.Workloads;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Model.EnvFiles;

/// <summary>
/// Reads env files (under the root, through the <see cref="FileLoader"/>, so each is a document read once) into
/// environment variables located at their lines. The syntax of each file is parsed once; its values are computed
/// per reader, because interpolation may depend on the reading service. Values over a limit are reported once, at
/// the variable, as <see cref="ModelProblemKind.LimitExceeded"/>.
/// </summary>
internal sealed class EnvFileReader
{
    private readonly FileLoader loader;
    private readonly List<ModelProblem> problems;
    private readonly HashSet<Location> reported = [];
    private readonly Dictionary<(string, EnvFileSyntax), (SourceText Text, ImmutableArray<EnvFileLine> Lines)?> parsed = [];
    private long assignments;

    public EnvFileReader(FileLoader loader, List<ModelProblem> problems)
    {
        this.loader = loader;
        this.problems = problems;
    }

    /// <summary>The assignments of a file as written, or null when the file cannot be analysed (its own problems say why).</summary>
    public (SourceText Text, ImmutableArray<EnvFileLine> Lines)? Parse(string fullPath, EnvFileSyntax syntax)
    {
        if (parsed.TryGetValue((fullPath, syntax), out var known))
        {
            return known;
        }

        var document = loader.Load(fullPath, parseYaml: false);
        (SourceText, ImmutableArray<EnvFileLine>)? result = document.IsAnalyzable
            ? (document.Text, syntax switch
            {
                EnvFileSyntax.Compose => ComposeEnvFileParser.Parse(document.Text.Text),
                EnvFileSyntax.Raw => RawEnvFileParser.Parse(document.Text.Text),
                _ => SystemdEnvFileParser.Parse(document.Text.Text),
            })
            : null;
        parsed.Add((fullPath, syntax), result);
        return result;
    }

    /// <summary>
    /// The variables an existing env file sets for one reader, in file order. <paramref name="outer"/> and
    /// <paramref name="accumulated"/> are as for <see cref="EnvFileResolver.Resolve"/>; <paramref name="site"/> is where the
    /// values enter the workload (the reference). Empty when the file cannot be analysed or the model's budget for
    /// env-file assignments is spent (reported at <paramref name="reference"/>).
    /// </summary>
    public ImmutableArray<EnvironmentVariable> Read(
        string fullPath, EnvFileSyntax syntax, IReadOnlyDictionary<string, string> outer, Dictionary<string, string> accumulated, Location reference, Location site)
    {
        if (Parse(fullPath, syntax) is not var (text, lines))
        {
            return [];
        }

        assignments += lines.Length;
        if (assignments > EnvFileLimits.MaxModelAssignments)
        {
            ReportLimit(reference, string.Format(CultureInfo.InvariantCulture,
                "Env files give the workloads more than {0:N0} assignments in all; '{1}' was not read here", EnvFileLimits.MaxModelAssignments, loader.DisplayPath(fullPath)));
            return [];
        }

        var (variables, limits) = EnvFileResolver.Resolve(lines, outer, accumulated, accumulatedFirst: false);
        foreach (var limit in limits)
        {
            ReportLimit(new Location(text, limit.Line.NameSpan), limit.Message);
        }

        return [.. variables.Select(v => ToVariable(text, v, site))];
    }

    /// <summary>
    /// Merges environments by precedence: <paramref name="higher"/> (in order) wins over <paramref name="lower"/>, and
    /// within <paramref name="lower"/> (env files in the order they are read) the last assignment of a name wins.
    /// </summary>
    public static ImmutableArray<EnvironmentVariable> Override(IReadOnlyList<EnvironmentVariable> lower, IReadOnlyList<EnvironmentVariable> higher)
    {
        if (lower.Count == 0)
        {
            return [.. higher];
        }

        var taken = higher.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var lastIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < lower.Count; i++)
        {
            lastIndex[lower[i].Name] = i;
        }

        return [.. higher, .. lower.Where((v, i) => !taken.Contains(v.Name) && lastIndex[v.Name] == i)];
    }

    /// <summary>One variable per name, the last assignment of each (env files read in order).</summary>
    public static ImmutableArray<EnvironmentVariable> LastWins(IReadOnlyList<EnvironmentVariable> variables) => Override(variables, []);

    private static EnvironmentVariable ToVariable(SourceText text, ResolvedEnvVariable variable, Location site)
    {
        var line = variable.Line;
        var lineLocation = new Location(text, line.Span);
        var valueLocation = line.Inherited ? new Location(text, line.NameSpan) : new Location(text, line.ValueSpan);
        var value = new ModelValue(variable.Value, text.ToString(line.Inherited ? line.NameSpan : line.ValueSpan), valueLocation, site) { Origin = ValueOrigin.EnvFile };
        var entry = new ModelValue($"{variable.Name}={variable.Value}", text.ToString(line.Span), lineLocation, site) { Origin = ValueOrigin.EnvFile };
        return new EnvironmentVariable(variable.Name, value, entry);
    }

    /// <summary>Reports a value over a limit, once per place however many readers hit it.</summary>
    public void ReportLimit(Location location, string message)
    {
        if (reported.Add(location))
        {
            problems.Add(new ModelProblem(ModelProblemKind.LimitExceeded, location, message));
        }
    }
}
