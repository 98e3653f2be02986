using System.Collections.Concurrent;
using System.Collections.Immutable;
using HostNetLint.Rules.Configuration;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Hosting.Configuration;

/// <summary>
/// Severities from <c>.editorconfig</c> files, with Roslyn's keys and precedence: for the file of a finding,
/// every <c>.editorconfig</c> from its directory up to the first with <c>root = true</c> (or the file system
/// root) is read; pairs of matching sections are merged farthest first, so a nearer file (and a later section)
/// wins. Then <c>dotnet_diagnostic.ID.severity</c> beats <c>dotnet_analyzer_diagnostic.category-CATEGORY.severity</c>,
/// which beats <c>dotnet_analyzer_diagnostic.severity</c>. Values Roslyn does not know are ignored, as Roslyn does.
/// </summary>
public sealed class EditorConfigSeverityProvider : ISeverityProvider
{
    public const string FileName = ".editorconfig";

    private readonly string root;
    private readonly ConcurrentDictionary<string, ImmutableArray<EditorConfigFile>> filesByDirectory = new(StringComparer.Ordinal);

    /// <param name="root">The linted root; finding paths are relative to it.</param>
    public EditorConfigSeverityProvider(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        this.root = Path.GetFullPath(root);
    }

    public Severity? GetSeverity(string path, RuleDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(descriptor);
        var fullPath = Path.GetFullPath(Path.Combine(root, path)).Replace('\\', '/');
        var directory = Path.GetDirectoryName(fullPath);
        if (directory is null)
        {
            return null;
        }

        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in filesByDirectory.GetOrAdd(directory, FindFiles))
        {
            var relative = fullPath.Length > file.Directory.Length && fullPath.StartsWith(file.Directory + "/", StringComparison.Ordinal)
                ? fullPath[(file.Directory.Length + 1)..]
                : fullPath.TrimStart('/');
            foreach (var section in file.Sections.Where(s => s.Matcher.IsMatch(relative)))
            {
                foreach (var (key, value) in section.Properties)
                {
                    properties[key] = value;
                }
            }
        }

        return Lookup(properties, descriptor);
    }

    /// <summary>The severity the merged pairs give <paramref name="descriptor"/>; null when none applies.</summary>
    public static Severity? Lookup(IReadOnlyDictionary<string, string> properties, RuleDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(descriptor);
        string[] keys =
        [
            $"dotnet_diagnostic.{descriptor.Id.ToLowerInvariant()}.severity",
            $"dotnet_analyzer_diagnostic.category-{descriptor.Category.ToString().ToLowerInvariant()}.severity",
            "dotnet_analyzer_diagnostic.severity",
        ];
        foreach (var key in keys)
        {
            if (properties.TryGetValue(key, out var value) && TryParseSeverity(value, descriptor, out var severity))
            {
                return severity;
            }
        }

        return null;
    }

    /// <summary>Roslyn's severity names: <c>suggestion</c> is a note, <c>silent</c> and <c>none</c> are off, <c>default</c> is the rule's own.</summary>
    public static bool TryParseSeverity(string value, RuleDescriptor descriptor, out Severity severity)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(descriptor);
        switch (value.Trim().ToLowerInvariant())
        {
            case "error": severity = Severity.Error; return true;
            case "warning": severity = Severity.Warning; return true;
            case "suggestion": severity = Severity.Note; return true;
            case "silent" or "none": severity = Severity.None; return true;
            case "default": severity = descriptor.DefaultSeverity; return true;
            default: severity = Severity.None; return false;
        }
    }

    /// <summary>The .editorconfig files that apply in <paramref name="directory"/>, farthest first.</summary>
    private static ImmutableArray<EditorConfigFile> FindFiles(string directory)
    {
        var found = new List<EditorConfigFile>();
        for (var current = directory; current is not null; current = Path.GetDirectoryName(current))
        {
            var candidate = Path.Combine(current, FileName);
            string text;
            try
            {
                if (!File.Exists(candidate))
                {
                    continue;
                }

                text = File.ReadAllText(candidate);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // An unreadable .editorconfig is skipped, as editors skip it.
                continue;
            }

            var file = EditorConfigFile.Parse(text, current);
            found.Add(file);
            if (file.IsRoot)
            {
                break;
            }
        }

        found.Reverse();
        return [.. found];
    }
}
