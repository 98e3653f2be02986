using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using HostNetLint.Parsing.Text;
using HostNetLint.Parsing.Yaml;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;
using HostNetLint.Rules.Input;

namespace HostNetLint.Hosting.Configuration;

/// <summary>
/// Reads <c>hostnetlint.yaml</c> with HostNetLint's own YAML tree, so every unknown key and bad value is an
/// HNL0006 finding at its exact span. A file with any problem yields no configuration at all: linting with
/// half of it would silently change what is reported. The keys mirror <c>hostnetlint.schema.json</c>.
/// </summary>
public static class HostNetLintConfigLoader
{
    public const string FileName = "hostnetlint.yaml";

    private static readonly string[] TopLevelKeys =
        ["reservedPorts", "vmAccess", "vmNetworks", "libvirtUnits", "pathMappings", "exclude", "failLevel", "severity", "requireJustification"];

    private static readonly string[] VmAccessKeys = ["names", "images", "labels", "exclude"];

    /// <summary>The nearest <c>hostnetlint.yaml</c> in <paramref name="directory"/> or above it; null when there is none.</summary>
    public static string? FindNearest(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        for (var current = Path.GetFullPath(directory); current is not null; current = Path.GetDirectoryName(current))
        {
            var candidate = Path.Combine(current, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Reads the file at <paramref name="fullPath"/>; <paramref name="displayPath"/> is the path findings carry.</summary>
    public static ConfigLoadResult Load(string fullPath, string displayPath)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        ArgumentNullException.ThrowIfNull(displayPath);
        SourceText text;
        try
        {
            text = SourceText.Decode(File.ReadAllBytes(fullPath), displayPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var empty = SourceText.From(string.Empty, displayPath);
            return new ConfigLoadResult(null, [Problem(new Location(empty, default), $"The configuration file cannot be read: {ex.Message}")]);
        }

        var result = Parse(text);
        return result.Config is null ? result : result with { Config = result.Config with { Path = fullPath } };
    }

    public static ConfigLoadResult Parse(SourceText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new List<Diagnostic>();
        if (text.DecodeFailure is { } failure)
        {
            return new ConfigLoadResult(null, [Problem(new Location(text, new TextSpan(Math.Min(failure.Offset, text.Length), 0)), failure.Message)]);
        }

        var tree = YamlSyntaxTree.Parse(text);
        foreach (var problem in tree.Problems)
        {
            problems.Add(Problem(new Location(text, problem.Span), problem.Message));
        }

        if (!tree.IsComplete || problems.Count > 0)
        {
            return new ConfigLoadResult(null, [.. problems]);
        }

        var reader = new Reader(text, problems);
        var config = tree.Root switch
        {
            null => HostNetLintConfig.Empty,
            YamlScalar { IsNull: true } => HostNetLintConfig.Empty,
            YamlMapping mapping => reader.ReadRoot(mapping),
            var other => reader.Fail(other, "The configuration must be a mapping of settings (reservedPorts, vmNetworks, …)"),
        };
        return problems.Count > 0 ? new ConfigLoadResult(null, [.. problems]) : new ConfigLoadResult(config, []);
    }

    private static Diagnostic Problem(Location location, string message)
    {
        var descriptor = HNL0006InvalidConfiguration.Definition;
        var logicalPath = $"{location.Path}/{descriptor.Id}/{message}";
        return new Diagnostic(descriptor, location, descriptor.FormatMessage(message), descriptor.DefaultSeverity, [], logicalPath);
    }

    /// <summary>Reads the tree, adding a problem for each unknown key or bad value and carrying on, so all are reported at once.</summary>
    private sealed class Reader(SourceText text, List<Diagnostic> problems)
    {
        public HostNetLintConfig? Fail(YamlNode node, string message)
        {
            problems.Add(Problem(new Location(text, node.Span), message));
            return null;
        }

        public HostNetLintConfig ReadRoot(YamlMapping mapping)
        {
            var config = HostNetLintConfig.Empty;
            foreach (var entry in mapping.Entries)
            {
                var value = entry.Value.Resolve() ?? entry.Value;
                config = entry.KeyText switch
                {
                    "reservedPorts" => config with { ReservedPorts = ReadReservedPorts(value) },
                    "vmAccess" => config with { VmAccess = ReadVmAccess(value) },
                    "vmNetworks" => config with { VmNetworks = ReadList(value, "vmNetworks", ValidateCidr) },
                    "libvirtUnits" => config with { LibvirtUnits = ReadList(value, "libvirtUnits", ValidateUnitName) },
                    "pathMappings" => config with { PathMappings = ReadPathMappings(value) },
                    "exclude" => config with { Exclude = ReadList(value, "exclude", ValidateGlob) },
                    "failLevel" => config with { FailLevel = ReadFailLevel(value) },
                    "severity" => config with { Severities = ReadSeverities(value) },
                    "requireJustification" => config with { RequireJustification = ReadBool(value, "requireJustification") },
                    _ => Unknown(entry.Key, TopLevelKeys, config),
                };
            }

            return config;
        }

        private HostNetLintConfig Unknown(YamlNode key, string[] known, HostNetLintConfig config)
        {
            Add(key, $"Unknown key '{Describe(key)}'; expected one of {string.Join(", ", known)}");
            return config;
        }

        private ImmutableDictionary<int, ImmutableArray<string>>? ReadReservedPorts(YamlNode node)
        {
            if (node is not YamlMapping mapping)
            {
                Add(node, "reservedPorts must be a mapping of port numbers to owner name globs, e.g. 8888: \"*webserver*\"");
                return null;
            }

            var ports = ImmutableDictionary.CreateBuilder<int, ImmutableArray<string>>();
            foreach (var entry in mapping.Entries)
            {
                if (!int.TryParse(entry.KeyText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
                {
                    Add(entry.Key, $"'{Describe(entry.Key)}' is not a port number (1-65535)");
                    continue;
                }

                var value = entry.Value.Resolve() ?? entry.Value;
                var globs = value is YamlScalar { IsNull: true } ? [] : value is YamlScalar ? ReadList(value, $"reservedPorts.{port}", ValidateGlob, allowScalar: true) : ReadList(value, $"reservedPorts.{port}", ValidateGlob);
                if (globs is { } owners)
                {
                    ports[port] = owners;
                }
            }

            return ports.ToImmutable();
        }

        private VmAccessOptions? ReadVmAccess(YamlNode node)
        {
            if (node is not YamlMapping mapping)
            {
                Add(node, "vmAccess must be a mapping with names, images, labels and exclude");
                return null;
            }

            var options = VmAccessOptions.Default;
            foreach (var entry in mapping.Entries)
            {
                var value = entry.Value.Resolve() ?? entry.Value;
                switch (entry.KeyText)
                {
                    case "names": options = options with { Names = ReadList(value, "vmAccess.names", ValidateGlob) ?? [] }; break;
                    case "images": options = options with { Images = ReadList(value, "vmAccess.images", ValidateGlob) ?? [] }; break;
                    case "labels": options = options with { Labels = ReadList(value, "vmAccess.labels", ValidateLabel) ?? [] }; break;
                    case "exclude": options = options with { Exclude = ReadList(value, "vmAccess.exclude", ValidateGlob) ?? [] }; break;
                    default: Add(entry.Key, $"Unknown key '{Describe(entry.Key)}' in vmAccess; expected one of {string.Join(", ", VmAccessKeys)}"); break;
                }
            }

            return options;
        }

        private ImmutableDictionary<string, string>? ReadPathMappings(YamlNode node)
        {
            if (node is not YamlMapping mapping)
            {
                Add(node, "pathMappings must be a mapping of install paths to repository paths, e.g. /opt/airflow: airflow");
                return null;
            }

            var mappings = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            foreach (var entry in mapping.Entries)
            {
                var key = entry.KeyText;
                if (key is null || !key.StartsWith('/'))
                {
                    Add(entry.Key, $"'{Describe(entry.Key)}' is not an absolute install path (it must start with '/')");
                    continue;
                }

                var value = entry.Value.Resolve() ?? entry.Value;
                if (value is not YamlScalar { IsNull: false } scalar || scalar.Value.Trim().Length == 0 || scalar.Value.StartsWith('/') || scalar.Value.Split('/', '\\').Contains(".."))
                {
                    Add(value, $"The repository path of '{key}' must be a non-empty path relative to the configuration file, without '..'");
                    continue;
                }

                mappings[key.TrimEnd('/')] = scalar.Value.Trim().TrimEnd('/');
            }

            return mappings.ToImmutable();
        }

        private Severity? ReadFailLevel(YamlNode node)
        {
            if (node is YamlScalar scalar && scalar.Value.Trim().ToLowerInvariant() is "error" or "warning" or "note" && SeverityNames.TryParse(scalar.Value, out var level))
            {
                return level;
            }

            Add(node, $"failLevel must be error, warning or note, not '{Describe(node)}'");
            return null;
        }

        private ImmutableDictionary<string, Severity>? ReadSeverities(YamlNode node)
        {
            if (node is not YamlMapping mapping)
            {
                Add(node, "severity must be a mapping of rule IDs to error, warning, note, none or default");
                return null;
            }

            var severities = ImmutableDictionary.CreateBuilder<string, Severity>(StringComparer.Ordinal);
            foreach (var entry in mapping.Entries)
            {
                var id = entry.KeyText?.Trim().ToUpperInvariant();
                if (id is null || RuleCatalog.Find(id) is not { } rule)
                {
                    Add(entry.Key, $"'{Describe(entry.Key)}' is not a HostNetLint rule ID");
                    continue;
                }

                var value = entry.Value.Resolve() ?? entry.Value;
                if (value is YamlScalar scalar && SeverityLevels.TryParse(scalar.Value, rule.Descriptor, out var severity))
                {
                    severities[id] = severity;
                }
                else
                {
                    Add(value, $"The severity of {id} must be error, warning, note, none or default, not '{Describe(value)}'");
                }
            }

            return severities.ToImmutable();
        }

        private bool? ReadBool(YamlNode node, string key)
        {
            if (node is YamlScalar { Style: YamlScalarStyle.Plain } scalar && scalar.Value is "true" or "false")
            {
                return scalar.Value == "true";
            }

            Add(node, $"{key} must be true or false, not '{Describe(node)}'");
            return null;
        }

        private ImmutableArray<string>? ReadList(YamlNode node, string key, Func<string, string?> validate, bool allowScalar = false)
        {
            IEnumerable<YamlNode> items;
            if (node is YamlSequence sequence)
            {
                items = sequence.Items;
            }
            else if (allowScalar && node is YamlScalar)
            {
                items = [node];
            }
            else
            {
                Add(node, $"{key} must be a list");
                return null;
            }

            var values = ImmutableArray.CreateBuilder<string>();
            foreach (var raw in items)
            {
                var item = raw.Resolve() ?? raw;
                if (item is not YamlScalar { IsNull: false } scalar)
                {
                    Add(item, $"Each entry of {key} must be a string");
                    continue;
                }

                if (validate(scalar.Value) is { } error)
                {
                    Add(item, error);
                    continue;
                }

                values.Add(scalar.Value.Trim());
            }

            return values.ToImmutable();
        }

        private void Add(YamlNode node, string message) => problems.Add(Problem(new Location(text, node.Span), message));

        private static string Describe(YamlNode node) => node is YamlScalar scalar ? scalar.Value : node.GetType().Name.Replace("Yaml", string.Empty, StringComparison.Ordinal).ToLowerInvariant();

        private static string? ValidateGlob(string value) => value.Trim().Length == 0 ? "A glob must not be empty" : null;

        private static string? ValidateCidr(string value) =>
            IPNetwork.TryParse(value.Trim(), out _) ? null : $"'{value}' is not a network in CIDR notation (e.g. 192.168.122.0/24)";

        private static string? ValidateUnitName(string value) =>
            value.Trim().Length > 0 && value.Contains('.', StringComparison.Ordinal) && !value.Contains('/', StringComparison.Ordinal)
                ? null
                : $"'{value}' is not a unit name (e.g. libvirtd.service)";

        private static string? ValidateLabel(string value) =>
            value.Trim().Length == 0 || value.StartsWith('=') ? $"'{value}' is not a label (key or key=value)" : null;
    }
}
