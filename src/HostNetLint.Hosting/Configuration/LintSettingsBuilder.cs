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
        var configPath = request.ConfigFile is { } explicitPath ? Path.GetFullPath(explicitPath, root) : HostNetLintConfigLoader.FindNearest(root, request.Overlay.ContainsKey);
        var config = HostNetLintConfig.Empty;
        if (configPath is not null)
        {
            var loaded = HostNetLintConfigLoader.Load(configPath, DisplayPath(root, configPath), root, request.Overlay.GetValueOrDefault(configPath));
            if (!loaded.IsValid)
            {
                return new LintSettings(LintOptions.Default, ModelOptions.Default, request.FailLevel ?? request.DefaultFailLevel, loaded.Diagnostics, configPath);
            }

            config = loaded.Config!;
        }

        var lintOptions = config.Lint with
        {
            FileSeverities = request.UseEditorConfig ? new EditorConfigSeverityProvider(root) : null,
            RequireJustification = request.RequireJustification || config.Lint.RequireJustification,
            SeverityOverrides = config.Lint.SeverityOverrides.SetItems(request.Severities),
        };
        var modelOptions = config.Model with { Exclude = [.. config.Model.Exclude, .. request.Exclude], Overlay = request.Overlay };
        var failLevel = request.FailLevel ?? config.FailLevel ?? request.DefaultFailLevel;
        return new LintSettings(lintOptions, modelOptions, failLevel, [], configPath);
    }

    private static string DisplayPath(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative.Replace('\\', '/');
    }
}
