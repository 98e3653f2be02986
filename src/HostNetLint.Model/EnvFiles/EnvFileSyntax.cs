namespace HostNetLint.Model.EnvFiles;

/// <summary>The ways the tools read an env file; the same file means different things to each.</summary>
internal enum EnvFileSyntax
{
    /// <summary>
    /// compose-go's dotenv (a project's <c>.env</c> and <c>env_file:</c>): <c>export</c>, <c>#</c> comments,
    /// single quotes literal, double quotes with escapes, unquoted and double-quoted values interpolated.
    /// </summary>
    Compose,

    /// <summary>
    /// One <c>NAME=VALUE</c> per line taken verbatim: <c>podman run --env-file</c>, a quadlet's <c>EnvironmentFile=</c>
    /// (podman's <c>pkg/env</c>) and compose's <c>format: raw</c> (docker's kvfile). No quotes, no interpolation.
    /// </summary>
    Raw,

    /// <summary>systemd's <c>EnvironmentFile=</c>: <c>#</c>/<c>;</c> comments, shell-like quotes and escapes, no interpolation.</summary>
    Systemd,
}
