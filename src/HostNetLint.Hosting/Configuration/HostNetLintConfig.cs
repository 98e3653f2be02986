using HostNetLint.Model;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Hosting.Configuration;

/// <summary>
/// What a <c>hostnetlint.yaml</c> sets, already applied to the defaults: the engine's and the model's options, and
/// the fail level. Each key's meaning is written once, in <see cref="ConfigKeys"/>.
/// </summary>
public sealed record HostNetLintConfig
{
    public static HostNetLintConfig Empty { get; } = new();

    /// <summary>The file it was read from (full path); null for <see cref="Empty"/> and text parsed on its own.</summary>
    public string? Path { get; init; }

    public LintOptions Lint { get; init; } = LintOptions.Default;

    public ModelOptions Model { get; init; } = ModelOptions.Default;

    /// <summary><c>failLevel</c>; null when the file does not set it.</summary>
    public Severity? FailLevel { get; init; }
}
