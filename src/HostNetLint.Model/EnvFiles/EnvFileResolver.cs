using System.Globalization;
using HostNetLint.Model.Interpolation;

namespace HostNetLint.Model.EnvFiles;

/// <summary>A variable an env file sets, with the assignment it comes from.</summary>
internal sealed record ResolvedEnvVariable(string Name, string Value, EnvFileLine Line);

/// <summary>An assignment whose value could not be computed within a limit; its value stays as written.</summary>
internal sealed record EnvFileLimitProblem(EnvFileLine Line, string Message);

/// <summary>
/// Computes the values of an env file's assignments: inherited names looked up, interpolation applied where the
/// syntax calls for it, each value and the file as a whole bounded. Never throws.
/// </summary>
internal static class EnvFileResolver
{
    /// <summary>
    /// Resolves <paramref name="lines"/> in order into <paramref name="accumulated"/> (later assignments win, and
    /// each may use the earlier ones). <paramref name="outer"/> supplies inherited names and is consulted before the
    /// accumulated values (compose's <c>env_file</c>) or after them (<paramref name="accumulatedFirst"/>, a project's <c>.env</c>).
    /// </summary>
    public static (List<ResolvedEnvVariable> Variables, List<EnvFileLimitProblem> Problems) Resolve(
        IReadOnlyList<EnvFileLine> lines, IReadOnlyDictionary<string, string> outer, Dictionary<string, string> accumulated, bool accumulatedFirst)
    {
        var interpolator = new Interpolator(accumulatedFirst ? new LayeredVariables(accumulated, outer) : new LayeredVariables(outer, accumulated));
        var variables = new List<ResolvedEnvVariable>(lines.Count);
        var problems = new List<EnvFileLimitProblem>();
        long total = 0;
        var interpolating = true;
        foreach (var line in lines)
        {
            string value;
            if (line.Inherited)
            {
                if (!outer.TryGetValue(line.Name, out var inherited))
                {
                    // Nothing to inherit: the variable is not set at all.
                    continue;
                }

                value = inherited;
            }
            else if (line.Interpolate && interpolating)
            {
                var result = interpolator.TryInterpolate(line.Value);
                value = result.Text;
                if (result.Limit == InterpolationLimit.Length)
                {
                    problems.Add(new EnvFileLimitProblem(line, string.Format(CultureInfo.InvariantCulture,
                        "The value of '{0}' would be over {1:N0} characters after interpolation; it was left as written", line.Name, Interpolator.MaxResultLength)));
                }
                else if (result.Limit == InterpolationLimit.Nesting)
                {
                    problems.Add(new EnvFileLimitProblem(line, string.Format(CultureInfo.InvariantCulture,
                        "The value of '{0}' nests defaults deeper than {1} levels; the deeper ones were left as written", line.Name, Interpolator.MaxNesting)));
                }
            }
            else
            {
                value = line.Value;
            }

            total += value.Length;
            if (interpolating && total > EnvFileLimits.MaxFileValueLength)
            {
                // Values that each stay under the limit can still add up; the rest of the file is taken as written.
                interpolating = false;
                value = line.Value;
                problems.Add(new EnvFileLimitProblem(line, string.Format(CultureInfo.InvariantCulture,
                    "The values up to '{0}' add up to over {1:N0} characters after interpolation; from here on they were left as written", line.Name, EnvFileLimits.MaxFileValueLength)));
            }

            accumulated[line.Name] = value;
            variables.Add(new ResolvedEnvVariable(line.Name, value, line));
        }

        return (variables, problems);
    }
}
