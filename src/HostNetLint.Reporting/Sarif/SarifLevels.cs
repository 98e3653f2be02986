using HostNetLint.Rules.Diagnostics;
using Microsoft.CodeAnalysis.Sarif;

namespace HostNetLint.Reporting.Sarif;

internal static class SarifLevels
{
    public static FailureLevel From(Severity severity) => severity switch
    {
        Severity.Error => FailureLevel.Error,
        Severity.Warning => FailureLevel.Warning,
        Severity.Note => FailureLevel.Note,
        _ => FailureLevel.None,
    };
}
