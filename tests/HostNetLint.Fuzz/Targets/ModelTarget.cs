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
/// file, and every offered fix applies to its file (edits inside it, none overlapping).
/// </summary>
public static class ModelTarget
{
    public static void Run(ReadOnlySpan<byte> input)
    {
        using var scratch = new ScratchDirectory();
        Bundle.WriteTo(scratch.Path, input);
        var model = DeploymentModelBuilder.Build(scratch.Path, [], ModelOptions.Default);
        Check(model, LintEngine.Run(model, LintOptions.Default));
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
