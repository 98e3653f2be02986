using HostNetLint.Model.EnvFiles;

namespace HostNetLint.Model.Interpolation;

/// <summary>
/// Reads a compose <c>.env</c> file's values as compose-go does (see <see cref="ComposeEnvFileParser"/>): <c>#</c>
/// comments, an optional <c>export </c> prefix, single quotes (literal), double quotes (escapes and interpolation),
/// unquoted values (interpolation, trailing <c> #comment</c> removed), <c>NAME</c> alone taken from
/// <paramref name="fallback"/>. Later lines may use earlier variables, then the fallback. Never throws.
/// </summary>
public static class DotEnvParser
{
    public static Dictionary<string, string> Parse(string text, IReadOnlyDictionary<string, string> fallback)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fallback);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        EnvFileResolver.Resolve(ComposeEnvFileParser.Parse(text), fallback, values, accumulatedFirst: true);
        return values;
    }
}
