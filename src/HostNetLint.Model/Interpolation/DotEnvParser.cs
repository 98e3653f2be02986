using System.Text;

namespace HostNetLint.Model.Interpolation;

/// <summary>
/// Reads a compose <c>.env</c> file: <c>KEY=VALUE</c> lines, <c>#</c> comments, an optional <c>export </c> prefix,
/// single quotes (literal), double quotes (escapes and interpolation) and unquoted values (interpolation,
/// trailing <c> #comment</c> removed). Later lines may use earlier variables. Never throws.
/// </summary>
public static class DotEnvParser
{
    public static Dictionary<string, string> Parse(string text, IReadOnlyDictionary<string, string> fallback)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fallback);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = new LayeredVariables(values, fallback);
        var interpolator = new Interpolator(lookup);
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r').Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line["export ".Length..].TrimStart();
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var key = line[..equals].Trim();
            values[key] = ParseValue(line[(equals + 1)..].Trim(), interpolator);
        }

        return values;
    }

    private static string ParseValue(string value, Interpolator interpolator)
    {
        if (value.Length >= 2 && value[0] == '\'' && value.IndexOf('\'', 1) is var singleEnd and > 0)
        {
            return value[1..singleEnd];
        }

        if (value.Length >= 2 && value[0] == '"')
        {
            var builder = new StringBuilder();
            for (var i = 1; i < value.Length; i++)
            {
                var c = value[i];
                if (c == '"')
                {
                    break;
                }

                if (c == '\\' && i + 1 < value.Length)
                {
                    i++;
                    builder.Append(value[i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var other => other });
                    continue;
                }

                builder.Append(c);
            }

            return interpolator.Interpolate(builder.ToString());
        }

        var comment = value.IndexOf(" #", StringComparison.Ordinal);
        if (comment >= 0)
        {
            value = value[..comment].TrimEnd();
        }

        return interpolator.Interpolate(value);
    }
}
