using HostNetLint.Parsing;
using HostNetLint.Parsing.Text;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Rules.Input;

/// <summary>Reports the parse problems of one kind that the parsing layer recorded on each file.</summary>
public abstract class ParseProblemRule : Rule
{
    protected abstract ParseProblemKind Kind { get; }

    public override void Analyze(RuleContext context)
    {
        foreach (var document in context.Model.Documents)
        {
            foreach (var problem in document.Problems.Where(p => p.Kind == Kind))
            {
                var related = problem.RelatedSpan is { } span
                    ? new[] { new Diagnostics.RelatedLocation(new Location(document.Text, span), "first defined here") }
                    : [];
                context.Report(new Location(document.Text, problem.Span), $"{document.Path}/{Descriptor.Id}/{problem.Message}", [problem.Message], related);
            }
        }
    }
}
