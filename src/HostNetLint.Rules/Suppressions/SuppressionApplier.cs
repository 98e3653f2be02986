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

        var matches = FindSuppressions(directivesByPath, diagnostics);
        var used = new HashSet<(SuppressionDirective, string)>();
        var reported = new List<Diagnostic>();
        var suppressed = new List<SuppressedDiagnostic>();
        for (var i = 0; i < diagnostics.Count; i++)
        {
            var diagnostic = diagnostics[i];
            var match = matches[i];
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

    /// <summary>
    /// For each diagnostic, the first directive of its file (in file order) that covers where it starts and names its
    /// rule, or null. HNL0005 is never suppressed by a comment.
    /// </summary>
    /// <remarks>
    /// A file may hold a suppression and a finding on every line, so the diagnostics of each file and rule are taken in
    /// position order against the directives sorted by where their scopes start: a heap holds the scopes begun so far,
    /// the first in file order on top, and a scope that ended before one diagnostic has ended before every later one.
    /// </remarks>
    private static SuppressionDirective?[] FindSuppressions(Dictionary<string, ImmutableArray<SuppressionDirective>> directivesByPath, IReadOnlyList<Diagnostic> diagnostics)
    {
        var matches = new SuppressionDirective?[diagnostics.Count];
        var byFileAndRule = new Dictionary<(string Path, string Id), List<int>>();
        for (var i = 0; i < diagnostics.Count; i++)
        {
            var diagnostic = diagnostics[i];
            if (diagnostic.Id != HNL0005UnusedOrUnknownSuppression.Definition.Id && directivesByPath.ContainsKey(diagnostic.Location.Path))
            {
                if (!byFileAndRule.TryGetValue((diagnostic.Location.Path, diagnostic.Id), out var indices))
                {
                    byFileAndRule[(diagnostic.Location.Path, diagnostic.Id)] = indices = [];
                }

                indices.Add(i);
            }
        }

        foreach (var ((path, id), indices) in byFileAndRule)
        {
            var directives = directivesByPath[path];
            var candidates = new List<int>();
            for (var d = 0; d < directives.Length; d++)
            {
                if (directives[d].Silences(id))
                {
                    candidates.Add(d);
                }
            }

            candidates.Sort((a, b) => directives[a].Scope.Start.CompareTo(directives[b].Scope.Start));
            indices.Sort((a, b) => diagnostics[a].Location.Span.Start.CompareTo(diagnostics[b].Location.Span.Start));
            var begun = new PriorityQueue<int, int>();
            var next = 0;
            foreach (var index in indices)
            {
                var start = diagnostics[index].Location.Span.Start;
                for (; next < candidates.Count && directives[candidates[next]].Scope.Start <= start; next++)
                {
                    begun.Enqueue(candidates[next], candidates[next]);
                }

                while (begun.TryPeek(out var first, out _) && directives[first].Scope.End < start)
                {
                    begun.Dequeue();
                }

                matches[index] = begun.TryPeek(out var match, out _) ? directives[match] : null;
            }
        }

        return matches;
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
