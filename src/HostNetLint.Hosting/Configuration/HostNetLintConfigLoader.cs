using HostNetLint.Parsing.IO;
using HostNetLint.Parsing.Text;
using HostNetLint.Parsing.Yaml;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Input;

namespace HostNetLint.Hosting.Configuration;

/// <summary>
/// Reads <c>hostnetlint.yaml</c>: HostNetLint's own YAML tree (syntax errors and duplicate keys at their spans), then
/// <c>hostnetlint.schema.json</c> over it (every unknown key and ill-formed value at its span), then
/// <see cref="ConfigKeys"/> into the options (what a schema cannot check). Every problem is HNL0006, all are reported
/// at once, and a file with any problem yields no configuration: linting with half of it would silently change
/// what is reported.
/// </summary>
public static class HostNetLintConfigLoader
{
    public const string FileName = "hostnetlint.yaml";

    /// <summary>The nearest <c>hostnetlint.yaml</c> in <paramref name="directory"/> or above it; null when there is none.</summary>
    /// <param name="isUnsaved">True for a full path an editor holds as an unsaved buffer (found before it is on disk).</param>
    public static string? FindNearest(string directory, Func<string, bool>? isUnsaved = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        for (var current = Path.GetFullPath(directory); current is not null; current = Path.GetDirectoryName(current))
        {
            var candidate = Path.Combine(current, FileName);
            if (File.Exists(candidate) || isUnsaved?.Invoke(candidate) == true)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// Reads the file at <paramref name="fullPath"/> for a run over <paramref name="root"/>, whose paths it makes
    /// root-relative; <paramref name="displayPath"/> is the path findings carry.
    /// </summary>
    /// <param name="unsaved">The file's content in an editor's unsaved buffer, read instead of the disk; null to read the file.</param>
    public static ConfigLoadResult Load(string fullPath, string displayPath, string root, byte[]? unsaved = null)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        ArgumentNullException.ThrowIfNull(displayPath);
        ArgumentNullException.ThrowIfNull(root);
        var bytes = unsaved;
        if (bytes is null)
        {
            // A FIFO, a device or an endless file under this name is refused before it can hang or exhaust the run.
            var read = BoundedFileReader.Read(fullPath, YamlParseLimits.Default.MaxLength);
            if (!read.IsRead)
            {
                var empty = SourceText.From(string.Empty, displayPath);
                return new ConfigLoadResult(null, [Problem(new Location(empty, default), $"The configuration file cannot be read: {read.Reason}")]);
            }

            bytes = read.Bytes;
        }

        var result = Read(SourceText.Decode(bytes, displayPath), Path.GetDirectoryName(fullPath), root);
        return result.Config is null ? result : result with { Config = result.Config with { Path = fullPath } };
    }

    /// <summary>Reads configuration text on its own: its paths stay relative to wherever it lives.</summary>
    public static ConfigLoadResult Parse(SourceText text) => Read(text, null, null);

    private static ConfigLoadResult Read(SourceText text, string? configDirectory, string? root)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.DecodeFailure is { } failure)
        {
            return new ConfigLoadResult(null, [Problem(new Location(text, new TextSpan(Math.Min(failure.Offset, text.Length), 0)), failure.Message)]);
        }

        var tree = YamlSyntaxTree.Parse(text);
        if (!tree.IsComplete || !tree.Problems.IsEmpty)
        {
            return new ConfigLoadResult(null, [.. tree.Problems.Select(p => Problem(new Location(text, p.Span), p.Message))]);
        }

        if (tree.Root is null or YamlScalar { IsNull: true })
        {
            return new ConfigLoadResult(HostNetLintConfig.Empty, []);
        }

        var document = YamlAsJson.Convert(tree.Root);
        var schemaProblems = ConfigSchema.Validate(document);
        var reader = new ConfigReader(document, configDirectory, root);
        var config = HostNetLintConfig.Empty;
        foreach (var key in ConfigKeys.All)
        {
            // A key the schema rejected (here or anywhere below it) is not read: its problems are already reported.
            if (!schemaProblems.Any(p => p.Pointer == key.Pointer || p.Pointer.StartsWith(key.Pointer + "/", StringComparison.Ordinal))
                && ValueAt(document, key.Pointer) is { } value)
            {
                config = key.Apply(new ConfigValue(value, key.Pointer, reader), config);
            }
        }

        var problems = document.Problems
            .Concat(schemaProblems.Select(p => (p.Span, p.Message)))
            .Concat(reader.Problems)
            .OrderBy(p => p.Span.Start)
            .Select(p => Problem(new Location(text, p.Span), p.Message))
            .ToList();
        return problems.Count > 0 ? new ConfigLoadResult(null, [.. problems]) : new ConfigLoadResult(config, []);
    }

    private static System.Text.Json.JsonElement? ValueAt(YamlAsJson document, string pointer)
    {
        var value = document.Root;
        foreach (var segment in pointer[1..].Split('/'))
        {
            if (value.ValueKind != System.Text.Json.JsonValueKind.Object || !value.TryGetProperty(segment, out value))
            {
                return null;
            }
        }

        return value;
    }

    private static Diagnostic Problem(Location location, string message)
    {
        var descriptor = HNL0006InvalidConfiguration.Definition;
        var logicalPath = FindingPath.OfProblem(location.Path, descriptor, message);
        return new Diagnostic(descriptor, location, descriptor.FormatMessage(message), descriptor.DefaultSeverity, [], logicalPath);
    }
}
