using HostNetLint.Model;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Rules.Input;

/// <summary>Reports the model's problems of some kinds as the running rule, with their related places.</summary>
internal static class ModelProblemReporting
{
    public static void Report(RuleContext context, RuleDescriptor descriptor, params ModelProblemKind[] kinds)
    {
        foreach (var problem in context.Model.Problems.Where(p => kinds.Contains(p.Kind)))
        {
            var related = problem.Related.Select(r => new RelatedLocation(r.Location, r.Message)).ToArray();
            context.Report(problem.Location, FindingPath.OfProblem(problem.Location.Path, descriptor, problem.Message), [problem.Message], related);
        }
    }
}
