using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Cli;

/// <summary>The process exit codes of <c>hostnetlint</c>; scripts and CI rely on them, so they never change meaning.</summary>
public static class ExitCodes
{
    /// <summary>Nothing was found at or above the fail level.</summary>
    public const int Success = 0;

    /// <summary>At least one finding is at or above the fail level.</summary>
    public const int FindingsAtOrAboveFailLevel = 1;

    /// <summary>The command line was wrong, a path could not be read, or the tool itself failed.</summary>
    public const int UsageOrToolError = 2;

    /// <summary>The exit code of a finished check: 1 when any finding is at or above <paramref name="failLevel"/>, else 0.</summary>
    public static int ForFindings(IEnumerable<Diagnostic> diagnostics, Severity failLevel)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (failLevel == Severity.None)
        {
            // "none" would make every finding fail, including those switched off; treat it as the lowest real level.
            failLevel = Severity.Note;
        }

        return diagnostics.Any(d => d.Severity != Severity.None && d.Severity >= failLevel)
            ? FindingsAtOrAboveFailLevel
            : Success;
    }
}
