using System.Collections.Immutable;
using HostNetLint.Hosting.Configuration;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.MSBuild;

/// <summary>Turns the task's properties into the last settings layer of a lint run, as the CLI's options are.</summary>
internal static class TaskSettings
{
    /// <summary>The settings request, or null after logging an error for a bad property value.</summary>
    public static LintSettingsRequest? Create(HostNetLintTask task, string root)
    {
        Severity? failLevel = null;
        if (!string.IsNullOrWhiteSpace(task.FailLevel))
        {
            if (task.FailLevel.Trim().ToLowerInvariant() is not ("error" or "warning" or "note") || !SeverityNames.TryParse(task.FailLevel, out var level))
            {
                task.Log.LogError($"HostNetLintFailLevel '{task.FailLevel}' is not one of error, warning, note.");
                return null;
            }

            failLevel = level;
        }

        var severities = ImmutableDictionary.CreateBuilder<string, Severity>(StringComparer.Ordinal);
        foreach (var assignment in (task.Severities ?? string.Empty).Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!SeverityLevels.TryParseAssignment(assignment, out var id, out var severity, out var error))
            {
                task.Log.LogError($"HostNetLintSeverities: {error}.");
                return null;
            }

            severities[id] = severity;
        }

        return new LintSettingsRequest
        {
            Root = root,
            ConfigFile = string.IsNullOrWhiteSpace(task.ConfigFile) ? null : Path.GetFullPath(task.ConfigFile),
            Severities = severities.ToImmutable(),
            FailLevel = failLevel,
            DefaultFailLevel = Severity.Error,
            RequireJustification = task.RequireJustification,
        };
    }
}
