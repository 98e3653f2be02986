using HostNetLint.Parsing.Text;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Reporting;

/// <summary>
/// A problem of the tool run rather than of the linted files: a crash, an unreadable configuration.
/// In SARIF these are notifications on the invocation, not results, and an error makes the run unsuccessful.
/// </summary>
public sealed record ToolNotification(ToolNotificationKind Kind, string Message)
{
    /// <summary>A stable identifier such as HNL9001, when the problem has one.</summary>
    public string? Id { get; init; }

    public Severity Level { get; init; } = Severity.Error;

    /// <summary>Where the problem is, for configuration errors in a file.</summary>
    public Location? Location { get; init; }

    /// <summary>The exception behind a tool failure, reported with its type and stack.</summary>
    public Exception? Exception { get; init; }
}
