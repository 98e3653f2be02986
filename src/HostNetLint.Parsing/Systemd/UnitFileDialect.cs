namespace HostNetLint.Parsing.Systemd;

/// <summary>
/// Whose reader a file is written for. The syntax is shared, but Podman's quadlet generator reads lines
/// differently from systemd, and a linter must read a file the way the tool that consumes it does.
/// </summary>
public enum UnitFileDialect
{
    /// <summary>
    /// systemd's <c>config_parse()</c>: a line continues only when its very last character is an unescaped
    /// backslash, which becomes a space; the next line is appended with its leading blanks.
    /// </summary>
    Systemd,

    /// <summary>
    /// Podman quadlet's unit-file parser: every line is trimmed first, so a backslash followed by blanks still
    /// continues; the backslash is removed (no space is inserted) and blank lines inside a continuation are
    /// skipped like comments. Any malformed line makes quadlet refuse the whole file.
    /// </summary>
    Quadlet,
}
