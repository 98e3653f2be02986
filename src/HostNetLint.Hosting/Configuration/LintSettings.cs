using System.Collections.Immutable;
using HostNetLint.Model;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Hosting.Configuration;

/// <summary>
/// The layered settings of one run. When <see cref="ConfigurationProblems"/> is not empty the configuration
/// could not be read; hosts report those HNL0006 findings and lint nothing.
/// </summary>
public sealed record LintSettings(
    LintOptions LintOptions,
    ModelOptions ModelOptions,
    Severity FailLevel,
    ImmutableArray<Diagnostic> ConfigurationProblems,
    string? ConfigFile)
{
    public bool IsValid => ConfigurationProblems.IsEmpty;
}
