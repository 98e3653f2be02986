namespace HostNetLint.Rules.Diagnostics;

/// <summary>How loudly a finding is reported; SARIF's levels plus <see cref="None"/> (off).</summary>
public enum Severity
{
    /// <summary>
    /// Configuration only (<c>default</c> in .editorconfig, hostnetlint.yaml or <c>--severity</c>): the severity the rule
    /// gives the finding, which is the descriptor's default unless the rule decides per finding (HNL1008). It overrides
    /// the lower configuration layers; the engine resolves it, so no reported finding has it.
    /// </summary>
    Default = -1,

    None = 0,
    Note = 1,
    Warning = 2,
    Error = 3,
}

public static class SeverityNames
{
    public static string ToDisplay(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Note => "note",
        Severity.Default => "default",
        _ => "none",
    };

    public static bool TryParse(string text, out Severity severity)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "error": severity = Severity.Error; return true;
            case "warning": severity = Severity.Warning; return true;
            case "note" or "suggestion" or "info": severity = Severity.Note; return true;
            case "none" or "silent": severity = Severity.None; return true;
            default: severity = Severity.None; return false;
        }
    }
}
