using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Rules.Input;

/// <summary>HNL0004: a file named by extends, include or env_file is missing or outside the linted root.</summary>
public sealed class HNL0004ReferencedFileMissing : Rule
{
    public static readonly RuleDescriptor Definition = RuleDescriptor.Create(
        "HNL0004",
        "Referenced file is missing or outside the linted root",
        "{0}. What it would contribute was not checked.",
        RuleCategory.Input,
        Severity.Warning,
        "A file referenced by extends, include or env_file that does not exist breaks the stack at start-up; one outside the linted root is not read, so what it contributes is not checked.",
        noFixReason: "The intended file cannot be inferred.");

    public override RuleDescriptor Descriptor => Definition;

    public override void Analyze(RuleContext context)
    {
        foreach (var problem in context.Model.Problems)
        {
            context.Report(problem.Location, FindingPath.OfProblem(problem.Location.Path, Definition, problem.Message), [problem.Message]);
        }
    }
}
