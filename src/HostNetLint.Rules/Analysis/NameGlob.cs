using HostNetLint.Parsing.Globs;

namespace HostNetLint.Rules.Analysis;

/// <summary>Shell-style name globs (<c>*</c>, <c>?</c>), case-insensitive, for workload and image names; linear time (<see cref="Glob"/>).</summary>
public static class NameGlob
{
    public static bool IsMatch(string glob, string name)
    {
        ArgumentNullException.ThrowIfNull(glob);
        ArgumentNullException.ThrowIfNull(name);
        return Glob.Compile(glob, GlobSyntax.Name).IsMatch(name);
    }

    public static bool IsMatchAny(IEnumerable<string> globs, string name) => globs.Any(glob => IsMatch(glob, name));
}
