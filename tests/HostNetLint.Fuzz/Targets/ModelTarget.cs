using HostNetLint.Fuzz.Invariants;
using HostNetLint.Model;
using HostNetLint.Parsing.Text;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Fuzz.Targets;

/// <summary>
/// The model (DeploymentModelBuilder) and every rule over a scratch directory holding the input as a compose file, or
/// the files of a <see cref="Bundle"/> (a unit and the compose file it starts, drop-ins, <c>.env</c>). Beyond "no
/// exception": documents are named relative to the root, every problem, finding and related location lies inside its
/// file, and every offered fix applies to its file (edits inside it, none overlapping). Built and linted once on one
/// thread and once with the files read ahead and the rules on two threads: both give the same documents, problems and
/// findings.
/// </summary>
public static class ModelTarget
{
    public static void Run(ReadOnlySpan<byte> input)
    {
        using var scratch = new ScratchDirectory();
        Bundle.WriteTo(scratch.Path, input);
        var model = DeploymentModelBuilder.Build(scratch.Path, [], ModelOptions.Default with { ReadAheadThreads = 0 });
        var diagnostics = LintEngine.Run(model, LintOptions.Default with { RuleThreads = 1 });
        Check(model, diagnostics);

        var parallelModel = DeploymentModelBuilder.Build(scratch.Path, [], ModelOptions.Default with { ReadAheadThreads = 2 });
        var parallelDiagnostics = LintEngine.Run(parallelModel, LintOptions.Default with { RuleThreads = 2 });
        var (oneThread, threads) = (Describe(model, diagnostics), Describe(parallelModel, parallelDiagnostics));
        InvariantViolationException.ThrowUnless(oneThread == threads, $"read ahead and on two threads the model or findings differ:\n{oneThread}\n---\n{threads}");
    }

    private static string Describe(DeploymentModel model, IEnumerable<Diagnostic> diagnostics)
    {
        var text = new System.Text.StringBuilder();
        foreach (var document in model.Documents)
        {
            text.Append(document.Path).Append(' ').Append(document.IsAnalyzable).Append(' ').Append(document.Yaml is not null).Append(' ').Append(document.Text.Length).Append('\n');
            foreach (var problem in document.Problems)
            {
                text.Append("  ").Append(problem.Kind).Append(' ').Append(problem.Span).Append(' ').Append(problem.Message).Append('\n');
            }
        }

        foreach (var problem in model.Problems)
        {
            text.Append(problem.Location).Append(' ').Append(problem.Message).Append('\n');
        }

        foreach (var diagnostic in diagnostics)
        {
            text.Append(diagnostic).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The invariants of one model and its findings (the fix target checks every pass with them too).</summary>
    public static void Check(DeploymentModel model, IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(diagnostics);
        foreach (var document in model.Documents)
        {
            InvariantViolationException.ThrowUnless(
                !Path.IsPathRooted(document.Path) && !document.Path.Split('/').Contains(".."),
                $"document '{document.Path}' is not named relative to the root");
            foreach (var problem in document.Problems)
            {
                Spans.CheckWithin(problem.Span, document.Text.Length, $"problem '{problem.Message}' in {document.Path}");
            }
        }

        foreach (var problem in model.Problems)
        {
            CheckLocation(problem.Location, $"model problem '{problem.Message}'");
        }

        foreach (var diagnostic in diagnostics)
        {
            CheckLocation(diagnostic.Location, diagnostic.Id);
            foreach (var related in diagnostic.RelatedLocations)
            {
                CheckLocation(related.Location, $"related location '{related.Message}' of {diagnostic.Id}");
            }

            foreach (var fix in diagnostic.Fixes)
            {
                foreach (var edit in fix.Edits)
                {
                    Spans.CheckWithin(edit.Span, fix.Document.Length, $"edit of fix '{fix.Title}' of {diagnostic}");
                }

                InvariantViolationException.ThrowUnless(fix.Apply() is not null, $"the edits of fix '{fix.Title}' of {diagnostic} overlap");
            }
        }
    }

    private static void CheckLocation(Location location, string what) =>
        Spans.CheckWithin(location.Span, location.Source.Length, $"{what} at {location.Path}");
}
