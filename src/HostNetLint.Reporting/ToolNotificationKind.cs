namespace HostNetLint.Reporting;

public enum ToolNotificationKind
{
    /// <summary>The tool failed while running (I/O error, crash).</summary>
    Execution,

    /// <summary>The tool's configuration is invalid (options, .editorconfig, hostnetlint.yaml).</summary>
    Configuration,
}
