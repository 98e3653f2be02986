using HostNetLint.Parsing.Text;

namespace HostNetLint.Model.EnvFiles;

/// <summary>
/// One assignment of an env file as written: the name, the value after unquoting and unescaping (before
/// interpolation), and where the name, the value (quotes included) and the whole assignment are.
/// </summary>
/// <param name="Interpolate">True when the tool interpolates the value (compose: unquoted and double-quoted values).</param>
/// <param name="Inherited">True for <c>NAME</c> alone: the value comes from the environment, and the variable is unset when it has none.</param>
internal sealed record EnvFileLine(string Name, string Value, bool Interpolate, bool Inherited, TextSpan NameSpan, TextSpan ValueSpan, TextSpan Span);
