using System.Collections.Concurrent;
using System.Collections.Immutable;
using HostNetLint.Parsing.IO;
using HostNetLint.Parsing.Text;
using HostNetLint.Rules.Configuration;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Input;

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
    // Far above any real .editorconfig; a larger one is refused unread, like any input over its limit.
    private const int MaxBytes = 1024 * 1024;

    private readonly ConcurrentDictionary<string, ImmutableArray<EditorConfigFile>> filesByDirectory = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Diagnostic> unreadable = new(StringComparer.Ordinal);

    // A file has several findings; its sections are matched once (a file's pairs never change within a run).
    private readonly ConcurrentDictionary<string, Dictionary<string, string>> propertiesByFile = new(StringComparer.Ordinal);

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
        var fullPath = FullPath(path);

        // Most trees have no .editorconfig: a file whose directory has none needs no entry of its own.
        if (Path.GetDirectoryName(fullPath) is not { } directory || filesByDirectory.GetOrAdd(directory, FindFiles).IsEmpty)
        {
            return null;
        }

        return Lookup(propertiesByFile.GetOrAdd(fullPath, MergedProperties), descriptor);
    }

    /// <summary>The pairs every applying section sets for the file at <paramref name="fullPath"/>, nearer files and later sections winning.</summary>
    private Dictionary<string, string> MergedProperties(string fullPath)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Path.GetDirectoryName(fullPath) is not { } directory)
        {
            return properties;
        }

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

        return properties;
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

    /// <summary>
    /// Roslyn's severity names: <c>suggestion</c> is a note, <c>silent</c> and <c>none</c> are off, <c>default</c> is the
    /// severity the rule itself gives the finding (<see cref="Severity.Default"/>, as Roslyn's ReportDiagnostic.Default).
    /// </summary>
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
            case "default": severity = Severity.Default; return true;
            default: severity = Severity.None; return false;
        }
    }

    /// <summary>
    /// An <c>.editorconfig</c> that applies to one of <paramref name="paths"/> but cannot be read (a FIFO, a device,
    /// permission denied, over the size limit) is HNL0001 at its path: editors skip such a file silently, but here it
    /// would silently change which findings are reported and how severe they are.
    /// </summary>
    public IEnumerable<Diagnostic> GetProblems(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var directory = Path.GetDirectoryName(FullPath(path));
            if (directory is null || !seen.Add(directory))
            {
                continue;
            }

            filesByDirectory.GetOrAdd(directory, FindFiles);
        }

        return unreadable.Values.OrderBy(d => d.Location.Path, StringComparer.Ordinal);
    }

    /// <summary>The .editorconfig files that apply in <paramref name="directory"/>, farthest first.</summary>
    private ImmutableArray<EditorConfigFile> FindFiles(string directory)
    {
        var found = new List<EditorConfigFile>();
        for (var current = directory; current is not null; current = Path.GetDirectoryName(current))
        {
            var candidate = Path.Combine(current, FileName);
            if (!Path.Exists(candidate))
            {
                continue;
            }

            var read = BoundedFileReader.Read(candidate, MaxBytes);
            if (!read.IsRead)
            {
                // Reported (once) and skipped: the files above it still apply.
                unreadable.TryAdd(candidate, Unreadable(candidate, read.Reason ?? "it could not be read"));
                continue;
            }

            var text = SourceText.Decode(read.Bytes, candidate).Text;
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

    private string FullPath(string path) => Path.GetFullPath(Path.Combine(root, path)).Replace('\\', '/');

    private Diagnostic Unreadable(string fullPath, string reason)
    {
        var relative = Path.GetRelativePath(root, fullPath);
        var shown = RealPath.IsUnder(root, fullPath) ? relative.Replace('\\', '/') : fullPath;
        var descriptor = HNL0001SyntaxError.Definition;
        var message = $"The {FileName} could not be read ({reason}); the severities it sets were not applied";
        var location = new Location(SourceText.From(string.Empty, shown), default);
        return new Diagnostic(descriptor, location, descriptor.FormatMessage(message, string.Empty), descriptor.DefaultSeverity, [], FindingPath.OfProblem(shown, descriptor, $"The {FileName} could not be read"));
    }
}
