using HostNetLint.Model;

namespace HostNetLint.Rules.Engine;

/// <summary>
/// An analysis several rules need (port bindings, VM-facing units): computed once per lint run on first
/// use and shared, so adding a rule never repeats the work. Declare one static instance per analysis.
/// </summary>
public sealed class SharedAnalysis<T>(Func<DeploymentModel, LintOptions, T> compute)
    where T : class
{
    internal T Compute(DeploymentModel model, LintOptions options) => compute(model, options);
}
