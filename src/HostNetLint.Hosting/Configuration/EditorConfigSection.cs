using System.Collections.Immutable;

namespace HostNetLint.Hosting.Configuration;

/// <summary>A <c>[glob]</c> section of an <c>.editorconfig</c> and its key/value pairs (keys lower-cased).</summary>
public sealed class EditorConfigSection
{
    public EditorConfigSection(string glob, ImmutableDictionary<string, string> properties)
    {
        Glob = glob;
        Properties = properties;
        Matcher = EditorConfigGlob.Create(glob);
    }

    public string Glob { get; }

    public ImmutableDictionary<string, string> Properties { get; }

    public EditorConfigGlob Matcher { get; }
}
