using System.Collections.Immutable;
using HostNetLint.Hosting;
using HostNetLint.Hosting.Configuration;
using HostNetLint.Model;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Benchmarks.Datasets;

/// <summary>
/// A root's lint as the hosts run it, without a report: read the configuration, build the model (walk, read, YAML tree,
/// compose and unit model), run every rule. <see cref="Lint"/> builds one model of the whole root (what <c>fix</c> and
/// the language server build; <c>--measure</c> calls it), <see cref="Check"/> goes through <c>hostnetlint check</c>'s
/// batches.
/// </summary>
public static class LintPipeline
{
    public static DeploymentModel BuildModel(string root) => DeploymentModelBuilder.Build(root, [], Settings(root).ModelOptions);

    public static (DeploymentModel Model, ImmutableArray<Diagnostic> Diagnostics) Lint(string root)
    {
        var settings = Settings(root);
        var model = DeploymentModelBuilder.Build(root, [], settings.ModelOptions);
        return (model, LintEngine.Run(model, settings.LintOptions));
    }

    /// <summary>
    /// The findings as <c>hostnetlint check ROOT</c> computes them (<c>CheckCommand</c>'s request): separate deployment
    /// trees a batch at a time, each batch's model dropped and collected once its findings are released.
    /// </summary>
    public static ImmutableArray<Diagnostic> Check(string root) =>
        new LintRun().Execute(new LintRequest { Settings = new LintSettingsRequest { Root = root }, FindingsOnly = true, CollectsBetweenBatches = true }).Diagnostics;

    // An invalid hostnetlint.yaml stops the CLI; the benchmark lints with what was read, so a dataset never measures nothing.
    private static LintSettings Settings(string root) => LintSettingsBuilder.Build(new LintSettingsRequest { Root = root });
}
