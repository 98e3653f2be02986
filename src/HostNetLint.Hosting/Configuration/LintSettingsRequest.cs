using System.Collections.Immutable;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Hosting.Configuration;

/// <summary>
/// What the host (the CLI or the MSBuild task) knows before configuration is read: the linted root, an
/// explicit configuration file, and its own settings, which form the last layer.
/// </summary>
public sealed record LintSettingsRequest
{
    /// <summary>The linted root (full path); .editorconfig and hostnetlint.yaml are looked up from here.</summary>
    public required string Root { get; init; }

    /// <summary><c>--config FILE</c>; when null the nearest <c>hostnetlint.yaml</c> at or above <see cref="Root"/> is used.</summary>
    public string? ConfigFile { get; init; }

    /// <summary><c>--severity ID=LEVEL</c> (or the MSBuild property), the last severity layer.</summary>
    public ImmutableDictionary<string, Severity> Severities { get; init; } = ImmutableDictionary<string, Severity>.Empty;

    /// <summary><c>--fail-level</c> when given; null leaves it to hostnetlint.yaml, then <see cref="DefaultFailLevel"/>.</summary>
    public Severity? FailLevel { get; init; }

    /// <summary>The host's fail level when nobody configured one (the CLI fails on warnings, the build on errors).</summary>
    public Severity DefaultFailLevel { get; init; } = Severity.Warning;

    /// <summary><c>--require-justification</c>; true here wins over hostnetlint.yaml.</summary>
    public bool RequireJustification { get; init; }

    /// <summary><c>--exclude</c> globs, added to the configuration's.</summary>
    public ImmutableArray<string> Exclude { get; init; } = [];

    /// <summary>Read .editorconfig files (on by default; tests and hosts with their own severities may switch it off).</summary>
    public bool UseEditorConfig { get; init; } = true;

    /// <summary>
    /// File contents by full path, read instead of the bytes on disk: a language server's unsaved buffers. They stand
    /// for <c>hostnetlint.yaml</c> (found even before it is first saved) and become the model's
    /// <see cref="Model.ModelOptions.Overlay"/>.
    /// </summary>
    public ImmutableDictionary<string, byte[]> Overlay { get; init; } = ImmutableDictionary<string, byte[]>.Empty;
}
