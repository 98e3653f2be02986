using HostNetLint.Parsing.Text;
using HostNetLint.Rules.Analysis;

namespace HostNetLint.Hosting.Configuration;

/// <summary>
/// One reading of hostnetlint.yaml: the spans of its values (for problems), and the directories that relative
/// paths in it start from (its own) and end up relative to (the linted root).
/// </summary>
internal sealed class ConfigReader(YamlAsJson document, string? configDirectory, string? root)
{
    private readonly List<(TextSpan Span, string Message)> problems = [];

    public IReadOnlyList<(TextSpan Span, string Message)> Problems => problems;

    public void Add(string pointer, bool atKey, string message)
    {
        var site = document.Find(pointer);
        problems.Add((site is null ? default : atKey ? site.KeySpan ?? site.ValueSpan : site.ValueSpan, message));
    }

    /// <summary>The scalar at <paramref name="pointer"/> as written (<c>4.10</c> stays 4.10, where its JSON number is 4.1); null for other nodes.</summary>
    public string? Written(string pointer) => (document.Find(pointer)?.Node.Resolve() as Parsing.Yaml.YamlScalar)?.Value;

    /// <summary>
    /// A path written relative to the configuration file's directory, made relative to the root (forward slashes);
    /// unchanged when both are the same or unknown (a configuration parsed from text).
    /// </summary>
    public string ToRootRelative(string path)
    {
        if (configDirectory is null || root is null)
        {
            return path;
        }

        return Path.GetRelativePath(root, Path.GetFullPath(Path.Combine(configDirectory, path))).Replace('\\', '/');
    }

    /// <summary>
    /// A glob written relative to the configuration file's directory, made relative to the root. When the root is
    /// below that directory, the glob's leading segments must lead into the root (literally, or through <c>*</c>,
    /// <c>?</c> or <c>**</c>); a glob that cannot match anything under the root is null.
    /// </summary>
    public string? RebaseGlob(string glob)
    {
        glob = glob.Replace('\\', '/').TrimStart('/');
        if (glob.StartsWith("./", StringComparison.Ordinal))
        {
            glob = glob[2..];
        }

        if (configDirectory is null || root is null)
        {
            return glob;
        }

        var up = Path.GetRelativePath(root, configDirectory).Replace('\\', '/');
        if (up == ".")
        {
            return glob;
        }

        if (!up.StartsWith("..", StringComparison.Ordinal))
        {
            // The configuration lives below the root: its globs are about that subdirectory.
            return $"{up}/{glob}";
        }

        var down = Path.GetRelativePath(configDirectory, root).Replace('\\', '/').Split('/');
        var segments = glob.Split('/');
        var consumed = 0;
        foreach (var directory in down)
        {
            if (consumed == segments.Length)
            {
                return null;
            }

            if (segments[consumed] == "**")
            {
                // "**" may stand for the path down to the root and more: keep it.
                return string.Join('/', segments[consumed..]);
            }

            // A directory name against one glob segment (* and ?; like workload names, case-insensitively).
            if (!NameGlob.IsMatch(segments[consumed], directory))
            {
                return null;
            }

            consumed++;
        }

        return consumed == segments.Length ? null : string.Join('/', segments[consumed..]);
    }
}
