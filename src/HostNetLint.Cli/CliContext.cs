using System.Collections.Immutable;
using HostNetLint.Model;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Cli;

/// <summary>Builds the deployment model of a root and the paths named on the command line.</summary>
public delegate DeploymentModel ModelBuilder(string root, IReadOnlyList<string> paths, ModelOptions options);

/// <summary>Runs the rules over a model.</summary>
public delegate ImmutableArray<Diagnostic> Linter(DeploymentModel model, LintOptions options);

/// <summary>
/// What the commands work with: where they write, which directory relative paths start from, and
/// the model builder and linter (the real ones by default; tests pass their own).
/// </summary>
public sealed record CliContext(TextWriter Output, TextWriter Error, string CurrentDirectory)
{
    public ModelBuilder BuildModel { get; init; } = DeploymentModelBuilder.Build;

    public Linter Lint { get; init; } = LintEngine.Run;

    /// <summary>Runs the rules and keeps the suppressed findings too; used when SARIF must include them.</summary>
    public Func<DeploymentModel, LintOptions, LintResult> Analyze { get; init; } = LintEngine.Analyze;
}
