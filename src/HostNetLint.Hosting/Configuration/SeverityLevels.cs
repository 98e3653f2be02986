using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Hosting.Configuration;

/// <summary>
/// Severity names accepted in hostnetlint.yaml and on the command line: SARIF's (error, warning, note),
/// Roslyn's (suggestion, silent) and none/default, so a value copied from .editorconfig works everywhere.
/// </summary>
public static class SeverityLevels
{
    public const string Expected = "error, warning, note, none or default";

    public static bool TryParse(string value, RuleDescriptor descriptor, out Severity severity)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(descriptor);
        if (value.Trim().Equals("note", StringComparison.OrdinalIgnoreCase))
        {
            severity = Severity.Note;
            return true;
        }

        return EditorConfigSeverityProvider.TryParseSeverity(value, descriptor, out severity);
    }

    /// <summary>Parses <c>HNL1002=note</c> (the CLI's <c>--severity</c>); the error names what is wrong.</summary>
    public static bool TryParseAssignment(string text, out string id, out Severity severity, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        id = string.Empty;
        severity = Severity.None;
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            error = $"'{text}' is not RULE=LEVEL (e.g. HNL1002=note)";
            return false;
        }

        id = text[..equals].Trim().ToUpperInvariant();
        if (HostNetLint.Rules.Engine.RuleCatalog.Find(id) is not { } descriptor)
        {
            error = $"'{text[..equals]}' is not a HostNetLint rule ID";
            return false;
        }

        if (!TryParse(text[(equals + 1)..], descriptor, out severity))
        {
            error = $"'{text[(equals + 1)..]}' is not a severity ({Expected})";
            return false;
        }

        error = null;
        return true;
    }
}
