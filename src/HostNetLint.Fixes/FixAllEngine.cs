using System.Collections.Immutable;
using HostNetLint.Model;
using HostNetLint.Parsing.Systemd;
using HostNetLint.Parsing.Text;
using HostNetLint.Parsing.Yaml;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Fixes;

/// <summary>
/// Fix-all (Roslyn's FixAllProvider, per file): collects the fixes of every unsuppressed finding of the selected
/// rules against one snapshot, drops fixes that overlap an earlier one, applies, re-parses, rebuilds the model
/// and lints again, until nothing changes or <see cref="FixOptions.MaxPasses"/> is reached. Nothing is written:
/// the new texts live in the model overlay; callers write them with <see cref="AtomicFileWriter"/>.
/// </summary>
public static class FixAllEngine
{
    public static FixAllResult Run(string root, IReadOnlyList<string> paths, FixOptions options) =>
        Run(root, paths, options, DeploymentModelBuilder.Build, LintEngine.Run);

    public static FixAllResult Run(
        string root,
        IReadOnlyList<string> paths,
        FixOptions options,
        Func<string, IReadOnlyList<string>, ModelOptions, DeploymentModel> buildModel,
        Func<DeploymentModel, LintOptions, ImmutableArray<Diagnostic>> lint)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(buildModel);
        ArgumentNullException.ThrowIfNull(lint);
        var states = new Dictionary<string, FileState>(StringComparer.Ordinal);
        var overlay = ImmutableDictionary<string, byte[]>.Empty;
        var model = buildModel(root, paths, options.Model);
        var diagnostics = lint(model, options.Lint);
        var passes = 0;
        var changed = true;
        while (changed && passes < Math.Max(1, options.MaxPasses))
        {
            changed = false;
            passes++;
            foreach (var group in CollectFixes(diagnostics, options).GroupBy(f => f.Fix.Document))
            {
                if (!TryFindDocument(model, group.Key, out var document) || Path.IsPathRooted(document.Path) || options.MayEdit?.Invoke(document.Path) == false)
                {
                    // Unknown to the model, outside the root (reached through a reference), or not named: never written.
                    continue;
                }

                var fullPath = Path.GetFullPath(Path.Combine(model.Root, document.Path));
                if (!states.TryGetValue(fullPath, out var state))
                {
                    state = new FileState(document.Path, fullPath, document.Text);
                    states.Add(fullPath, state);
                }

                if (state.RefusedReason is not null)
                {
                    continue;
                }

                if (!document.Problems.IsDefaultOrEmpty)
                {
                    // Only a file that parsed cleanly is rewritten: with a duplicate key, which entry a fix should edit is a guess.
                    state.RefusedReason = $"it has parse problems ({document.Problems[0].Message}); fix them first";
                    continue;
                }

                var (edits, fixes) = SelectEdits(group);
                var newText = TextEdit.Apply(document.Text.Text, edits);
                if (newText is null || newText == document.Text.Text)
                {
                    continue;
                }

                if (CheckParses(document, newText) is { } reason)
                {
                    state.RefusedReason = reason;
                    continue;
                }

                state.Text = newText;
                state.EditCount += edits.Count;
                state.RuleIds.UnionWith(fixes.Select(f => f.RuleId));
                overlay = overlay.SetItem(fullPath, state.Original.EncodeLikeOriginal(newText));
                changed = true;
            }

            if (changed)
            {
                model = buildModel(root, paths, options.Model with { Overlay = overlay });
                diagnostics = lint(model, options.Lint);
            }
        }

        var files = states.Values
            .Select(s => new FileFix(s.Path, s.FullPath, s.Original, s.Text, s.EditCount, [.. s.RuleIds.Order(StringComparer.Ordinal)], s.RefusedReason))
            .OrderBy(f => f.Path, StringComparer.Ordinal);
        var limitReached = changed && CollectFixes(diagnostics, options).Any();
        return new FixAllResult([.. files], model, diagnostics, passes, limitReached);
    }

    /// <summary>
    /// The edits of the fixes in span order, dropping a whole fix when one of its edits overlaps (or inserts at the
    /// same place as) an edit already taken. An edit identical to one taken is the same change offered twice
    /// (several services sharing one anchor) and is applied once.
    /// </summary>
    public static (List<TextEdit> Edits, List<(string RuleId, CodeFix Fix)> Fixes) SelectEdits(IEnumerable<(string RuleId, CodeFix Fix)> fixes)
    {
        ArgumentNullException.ThrowIfNull(fixes);
        var taken = new List<TextEdit>();
        var applied = new List<(string, CodeFix)>();
        foreach (var candidate in fixes.OrderBy(f => f.Fix.Edits.IsEmpty ? int.MaxValue : f.Fix.Edits.Min(e => e.Span.Start)))
        {
            var fresh = candidate.Fix.Edits.Where(e => !taken.Contains(e)).ToList();
            if (fresh.Any(e => taken.Any(t => Conflicts(e, t))) || HasInternalConflict(fresh))
            {
                continue;
            }

            taken.AddRange(fresh);
            applied.Add(candidate);
        }

        return (taken, applied);
    }

    /// <summary>Null when <paramref name="newText"/> parses as cleanly as the document did; else why not.</summary>
    internal static string? CheckParses(SourceDocument document, string newText)
    {
        var text = SourceText.From(newText, document.Path);
        if (document.Yaml is { } before)
        {
            var after = YamlSyntaxTree.Parse(text);
            return after.IsComplete && after.Problems.Length <= before.Problems.Length
                ? null
                : $"the fixed text would not parse ({(after.Problems.IsEmpty ? "incomplete" : after.Problems[0].Message)})";
        }

        var dialect = UnitFileSyntax.DialectFor(document.Path);
        var old = UnitFileSyntax.Parse(document.Text, dialect);
        var unit = UnitFileSyntax.Parse(text, dialect);
        return unit.IsComplete && unit.Problems.Length <= old.Problems.Length
            ? null
            : $"the fixed unit would not parse ({(unit.Problems.IsEmpty ? "incomplete" : unit.Problems[0].Message)})";
    }

    private static IEnumerable<(string RuleId, CodeFix Fix)> CollectFixes(ImmutableArray<Diagnostic> diagnostics, FixOptions options) =>
        diagnostics
            .Where(d => d.Severity != Severity.None && options.Selects(d.Id) && !d.Fixes.IsDefaultOrEmpty)
            .Select(d => (d.Id, d.Fixes[0]));

    private static bool TryFindDocument(DeploymentModel model, SourceText text, out SourceDocument document)
    {
        foreach (var candidate in model.Documents)
        {
            if (ReferenceEquals(candidate.Text, text) && candidate.IsAnalyzable && candidate.Text.DecodeFailure is null)
            {
                document = candidate;
                return true;
            }
        }

        document = null!;
        return false;
    }

    private static bool Conflicts(TextEdit a, TextEdit b) =>
        a.Span.Start == b.Span.Start || (a.Span.Start < b.Span.End && b.Span.Start < a.Span.End);

    private static bool HasInternalConflict(List<TextEdit> edits)
    {
        for (var i = 0; i < edits.Count; i++)
        {
            for (var j = i + 1; j < edits.Count; j++)
            {
                if (Conflicts(edits[i], edits[j]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private sealed class FileState(string path, string fullPath, SourceText original)
    {
        public string Path { get; } = path;

        public string FullPath { get; } = fullPath;

        public SourceText Original { get; } = original;

        public string Text { get; set; } = original.Text;

        public int EditCount { get; set; }

        public HashSet<string> RuleIds { get; } = new(StringComparer.Ordinal);

        public string? RefusedReason { get; set; }
    }
}
