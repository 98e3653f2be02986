using System.Globalization;

namespace HostNetLint.Rules.Diagnostics;

/// <summary>The reasons the engines give for a fix they do not offer or apply, worded once for every host.</summary>
public static class FixReasons
{
    /// <summary>
    /// A fix would change <paramref name="other"/>'s workload too, and that finding is not reported:
    /// <paramref name="suppressed"/> when an inline comment suppressed it, null when it is switched off or not linted.
    /// </summary>
    public static string WouldChangeUnreported(FindingKey other, Diagnostic? suppressed)
    {
        ArgumentNullException.ThrowIfNull(other);
        return suppressed is null
            ? $"its fix edits text shared with {other.RuleId} for '{other.LogicalPath}', which is not reported (switched off or not linted), so it would be changed as a side effect; fix this one by hand"
            : $"its fix edits text shared with {other.RuleId} at {Where(suppressed)}, which is suppressed, so it would be fixed as a side effect; fix this one by hand or lift that suppression";
    }

    /// <summary>A fix changes <paramref name="other"/> (reported as <paramref name="reported"/>, if it is) too, and fix-all is not fixing that finding in this run (a rule filter).</summary>
    public static string WouldChangeUnfixed(FindingKey other, Diagnostic? reported)
    {
        ArgumentNullException.ThrowIfNull(other);
        var where = reported is null ? $"for '{other.LogicalPath}'" : $"at {Where(reported)}";
        return $"its fix edits text shared with {other.RuleId} {where}, which this run does not fix (--rule); fix both together";
    }

    /// <summary>Fix-all applied the fix, linted again, and the finding was still there: the edit had no effect, so it is not kept.</summary>
    public static string SurvivedItsFix(CodeFix fix)
    {
        ArgumentNullException.ThrowIfNull(fix);
        return $"the fix '{fix.Title}' was tried and refused: re-linting the fixed text still reports this finding, so the edit would not take effect";
    }

    /// <summary>PATH(LINE,COLUMN) of a finding, as compilers print it.</summary>
    public static string Where(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return Where(diagnostic.Location);
    }

    /// <summary>PATH(LINE,COLUMN) of a place in a file, as compilers print it.</summary>
    public static string Where(Parsing.Text.Location location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var start = location.LineSpan.Start;
        return string.Create(CultureInfo.InvariantCulture, $"{location.Path}({start.Line + 1},{start.Character + 1})");
    }
}
