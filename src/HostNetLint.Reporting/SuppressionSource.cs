namespace HostNetLint.Reporting;

/// <summary>Where a suppression is written (SARIF's suppression kinds).</summary>
public enum SuppressionSource
{
    /// <summary>A comment in the linted file itself.</summary>
    InSource,

    /// <summary>Configuration outside the linted file (.editorconfig, hostnetlint.yaml, a baseline).</summary>
    External,
}
