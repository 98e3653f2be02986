using HostNetLint.Model;
using HostNetLint.Parsing;
using HostNetLint.Parsing.Text;
using HostNetLint.Rules.Diagnostics;
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
                    ? new[] { new RelatedLocation(new Location(document.Text, span), "first defined here") }
                    : [];
                context.Report(new Location(document.Text, problem.Span), Identity(document, problem), MessageArguments(document, problem), related);
            }
        }
    }

    /// <summary>The arguments of the descriptor's message: by default the problem's own words.</summary>
    protected virtual string[] MessageArguments(SourceDocument document, ParseProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return [problem.Message];
    }

    /// <summary>What the finding is about: by default the problem's own words, which name no position.</summary>
    protected virtual FindingPath Identity(SourceDocument document, ParseProblem problem)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(problem);
        return FindingPath.OfProblem(document.Path, Descriptor, problem.Message);
    }
}
