using System.Collections.Immutable;
using HostNetLint.Model;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Hosting.Configuration;

/// <summary>
/// Layers the configuration, lowest first: rule defaults &lt; <c>.editorconfig</c> (per file) &lt;
/// <c>hostnetlint.yaml</c> &lt; the host's own settings (command line or MSBuild properties). The CLI and the
/// MSBuild task both build their settings here, so they cannot drift apart.
/// </summary>
public static class LintSettingsBuilder
{
    public static LintSettings Build(LintSettingsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var root = Path.GetFullPath(request.Root);
        var configPath = request.ConfigFile is { } explicitPath ? Path.GetFullPath(explicitPath, root) : HostNetLintConfigLoader.FindNearest(root);
        var config = HostNetLintConfig.Empty;
        if (configPath is not null)
        {
            var loaded = HostNetLintConfigLoader.Load(configPath, DisplayPath(root, configPath));
            if (!loaded.IsValid)
            {
                return new LintSettings(LintOptions.Default, ModelOptions.Default, request.FailLevel ?? request.DefaultFailLevel, loaded.Diagnostics, configPath);
            }

            config = loaded.Config!;
        }

        var lintOptions = ApplyConfig(LintOptions.Default, config) with
        {
            FileSeverities = request.UseEditorConfig ? new EditorConfigSeverityProvider(root) : null,
            RequireJustification = request.RequireJustification || config.RequireJustification == true,
        };
        lintOptions = lintOptions with { SeverityOverrides = lintOptions.SeverityOverrides.SetItems(request.Severities) };

        var modelOptions = ModelOptions.Default with
        {
            Exclude = [.. config.Exclude ?? [], .. request.Exclude],
            PathMappings = MapPaths(config, root),
        };
        var failLevel = request.FailLevel ?? config.FailLevel ?? request.DefaultFailLevel;
        return new LintSettings(lintOptions, modelOptions, failLevel, [], configPath);
    }

    /// <summary>The options <paramref name="config"/> gives over <paramref name="options"/>.</summary>
    public static LintOptions ApplyConfig(LintOptions options, HostNetLintConfig config)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(config);
        var result = options;
        if (config.ReservedPorts is { } ports)
        {
            var merged = options.ReservedPorts.Where(p => !ports.ContainsKey(p.Port)).ToList();
            merged.AddRange(ports
                .Where(p => !p.Value.IsEmpty)
                .Select(p => new ReservedPort(p.Key, p.Value, $"the workload matching {string.Join(" or ", p.Value)} (hostnetlint.yaml)")));
            result = result with { ReservedPorts = [.. merged.OrderBy(p => p.Port)] };
        }

        if (config.VmAccess is { } vmAccess)
        {
            result = result with { VmAccess = vmAccess };
        }

        if (config.VmNetworks is { } networks)
        {
            result = result with { VmNetworks = networks };
        }

        if (config.LibvirtUnits is { } units)
        {
            result = result with { LibvirtUnits = units };
        }

        if (config.Severities is { } severities)
        {
            result = result with { SeverityOverrides = result.SeverityOverrides.SetItems(severities) };
        }

        return result;
    }

    /// <summary>Repository paths in hostnetlint.yaml are relative to its directory; the model wants them relative to the root.</summary>
    private static ImmutableDictionary<string, string> MapPaths(HostNetLintConfig config, string root)
    {
        if (config.PathMappings is not { } mappings || config.Path is null)
        {
            return ModelOptions.Default.PathMappings;
        }

        var configDirectory = Path.GetDirectoryName(config.Path) ?? root;
        return mappings.ToImmutableDictionary(
            m => m.Key,
            m => Path.GetRelativePath(root, Path.GetFullPath(Path.Combine(configDirectory, m.Value))).Replace('\\', '/'),
            StringComparer.Ordinal);
    }

    private static string DisplayPath(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative.Replace('\\', '/');
    }
}
