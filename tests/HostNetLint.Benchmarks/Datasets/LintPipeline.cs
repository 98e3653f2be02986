using System.Collections.Immutable;
using HostNetLint.Model;
using HostNetLint.Hosting.Configuration;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Benchmarks.Datasets;

/// <summary>
/// What <c>hostnetlint check ROOT</c> does before it writes its report: read the configuration, build the model
/// (walk, read, YAML tree, compose and unit model), run every rule. The benchmarks and <c>--measure</c> both call it.
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

    // An invalid hostnetlint.yaml stops the CLI; the benchmark lints with what was read, so a dataset never measures nothing.
    private static LintSettings Settings(string root) => LintSettingsBuilder.Build(new LintSettingsRequest { Root = root });
}
