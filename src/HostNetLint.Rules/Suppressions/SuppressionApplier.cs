using System.Collections.Immutable;
using HostNetLint.Model;
using HostNetLint.Parsing.Text;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;
using HostNetLint.Rules.Input;

namespace HostNetLint.Rules.Suppressions;

/// <summary>
/// Applies the inline suppressions of a model to the findings of a run: splits them into reported and
/// suppressed, and reports HNL0005 for directives that name unknown rules, suppressed nothing, or (when
/// required) give no reason. HNL0005 itself is never suppressed by a comment, so a directive cannot hide
/// the finding about itself; severity configuration can still turn it off.
/// </summary>
public static class SuppressionApplier
{
    public static SuppressionOutcome Apply(DeploymentModel model, IReadOnlyList<Diagnostic> diagnostics, bool requireJustification)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(diagnostics);

        var directivesByPath = new Dictionary<string, ImmutableArray<SuppressionDirective>>(StringComparer.Ordinal);
        foreach (var document in model.Documents)
        {
            var directives = SuppressionScanner.Scan(document);
            if (!directives.IsEmpty)
            {
                directivesByPath[document.Text.Path] = directives;
            }
        }

        if (directivesByPath.Count == 0)
        {
            return new SuppressionOutcome([.. diagnostics], [], []);
        }

        var used = new HashSet<(SuppressionDirective, string)>();
        var reported = new List<Diagnostic>();
        var suppressed = new List<SuppressedDiagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            var match = diagnostic.Id == HNL0005UnusedOrUnknownSuppression.Definition.Id
                ? null
                : FindSuppression(directivesByPath, diagnostic);
            if (match is null)
            {
                reported.Add(diagnostic);
                continue;
            }

            used.Add((match, diagnostic.Id));
            suppressed.Add(new SuppressedDiagnostic(diagnostic, match.Justification));
        }

        var problems = new List<Diagnostic>();
        foreach (var (path, directives) in directivesByPath)
        {
            foreach (var directive in directives)
            {
                Check(directive, used, requireJustification, problems, path);
            }
        }

        return new SuppressionOutcome([.. reported], [.. suppressed], [.. problems]);
    }

    private static SuppressionDirective? FindSuppression(Dictionary<string, ImmutableArray<SuppressionDirective>> directivesByPath, Diagnostic diagnostic)
    {
        if (!directivesByPath.TryGetValue(diagnostic.Location.Path, out var directives))
        {
            return null;
        }

        var start = diagnostic.Location.Span.Start;
        return directives.FirstOrDefault(d => d.Covers(diagnostic.Id, start));
    }

    private static void Check(SuppressionDirective directive, HashSet<(SuppressionDirective, string)> used, bool requireJustification, List<Diagnostic> problems, string path)
    {
        var source = directive.Comment.Source;
        if (directive.RuleIds.IsEmpty)
        {
            Report(problems, directive.Comment, FindingPath.InFile(path).Then(directive.Kind.ToString()), "The suppression names no rule; name the rules it silences, e.g. 'hostnetlint-disable-next-line HNL1002'");
            return;
        }

        foreach (var id in directive.RuleIds)
        {
            var location = new Location(source, id.Span);
            var logicalPath = FindingPath.InFile(path).Then(directive.Kind.ToString(), id.Id);
            if (RuleCatalog.Find(id.Id) is null)
            {
                Report(problems, location, logicalPath, $"'{id.Id}' is not a HostNetLint rule");
            }
            else if (id.Id == HNL0005UnusedOrUnknownSuppression.Definition.Id)
            {
                Report(problems, location, logicalPath, $"{id.Id} cannot be suppressed by a comment; switch it off with severity configuration instead");
            }
            else if (directive.Kind == SuppressionKind.Enable)
            {
                // An enable is unused when no earlier disable of the same rule is open (the scanner ends blocks at it).
                continue;
            }
            else if (!used.Contains((directive, id.Id)))
            {
                Report(problems, location, logicalPath, $"The suppression of {id.Id} suppressed nothing; remove it or move it to the line of the finding");
            }
        }

        if (requireJustification && directive.Kind != SuppressionKind.Enable && directive.Justification is null)
        {
            Report(problems, directive.Comment, FindingPath.InFile(path).Then(directive.Kind.ToString(), "justification"), "The suppression gives no reason; add ' -- reason' after the rule IDs");
        }
    }

    private static void Report(List<Diagnostic> problems, Location location, FindingPath logicalPath, string message)
    {
        var descriptor = HNL0005UnusedOrUnknownSuppression.Definition;
        problems.Add(new Diagnostic(descriptor, location, descriptor.FormatMessage(message), descriptor.DefaultSeverity, [], logicalPath));
    }
}
