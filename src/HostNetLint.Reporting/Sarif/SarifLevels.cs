using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Reporting.Sarif;

/// <summary>SARIF's <c>level</c> values; <see cref="Default"/> is left out wherever it is the schema's default.</summary>
internal static class SarifLevels
{
    public const string Default = "warning";

    public static string From(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => Default,
        Severity.Note => "note",
        _ => "none",
    };
}
