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
/// and lints again, until nothing changes or <see cref="FixOptions.MaxPasses"/> is reached. A fix whose finding is
/// still reported after it had no effect: the pass is redone without it, and the finding keeps the reason
/// (<see cref="Diagnostic.NoFixReason"/>) instead of counting as fixed. Nothing is written: the new texts live in the
/// model overlay; callers write them with <see cref="AtomicFileWriter"/>.
/// </summary>
public static class FixAllEngine
{
    /// <summary>Tries of one pass: each try that a surviving finding refutes drops those fixes (a guard; one retry is the rule).</summary>
    private const int MaxTriesPerPass = 3;

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
        // The caller's overlay (an editor's unsaved buffers) is the starting text; each pass's results go on top of it.
        var overlay = options.Model.Overlay;
        var model = buildModel(root, paths, options.Model);
        var diagnostics = lint(model, options.Lint);
        var refusals = new Dictionary<LogicalKey, string>();
        var passes = 0;
        var changed = true;
        while (changed && passes < Math.Max(1, options.MaxPasses))
        {
            changed = false;
            passes++;
            var refusedThisPass = new Dictionary<FindingKey, string>();
            for (var attempt = 1; attempt <= MaxTriesPerPass; attempt++)
            {
                var pass = ApplyPass(model, ChooseFixes(diagnostics, options, refusedThisPass), states, overlay, options.MayEdit);
                if (pass.Updates.Count == 0)
                {
                    break;
                }

                var nextModel = buildModel(root, paths, options.Model with { Overlay = pass.Overlay });
                var nextDiagnostics = lint(nextModel, options.Lint);
                var survivors = Survivors(diagnostics, pass.Applied, nextDiagnostics);
                if (survivors.Count == 0)
                {
                    foreach (var (state, text, applied, editCount) in pass.Updates)
                    {
                        state.Text = text;
                        state.EditCount += editCount;
                        state.RuleIds.UnionWith(applied.Select(f => f.RuleId));
                    }

                    (overlay, model, diagnostics, changed) = (pass.Overlay, nextModel, nextDiagnostics, true);
                    break;
                }

                // The edit did not take effect (it went where a merge or an override file hides it): try again without it.
                foreach (var (diagnostic, fix) in survivors)
                {
                    refusedThisPass[FindingKey.Of(diagnostic)] = FixReasons.SurvivedItsFix(fix);
                    refusals[LogicalKey.Of(diagnostic)] = FixReasons.SurvivedItsFix(fix);
                }
            }
        }

        var files = states.Values
            .Select(s => new FileFix(s.Path, s.FullPath, s.Original, s.Text, s.EditCount, [.. s.RuleIds.Order(StringComparer.Ordinal)], s.RefusedReason))
            .OrderBy(f => f.Path, StringComparer.Ordinal);
        var limitReached = changed && ChooseFixes(diagnostics, options, ImmutableDictionary<FindingKey, string>.Empty).Any(c => !refusals.ContainsKey(LogicalKey.Of(c.Diagnostic)));
        var remaining = WithReasons(diagnostics, options, refusals);
        return new FixAllResult([.. files], model, remaining, passes, limitReached)
        {
            NotFixed = [.. remaining.Where(d => d.NoFixReason is not null && options.Selects(d.Id))],
        };
    }

    /// <summary>
    /// The fix fix-all applies for each finding it fixes: of every selected, reported finding not refused yet, the first
    /// fix whose other changed findings (<see cref="CodeFix.AlsoChanges"/>) are all being fixed in this run too.
    /// </summary>
    public static IReadOnlyList<(Diagnostic Diagnostic, CodeFix Fix)> ChooseFixes(ImmutableArray<Diagnostic> diagnostics, FixOptions options, IReadOnlyDictionary<FindingKey, string> refused)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(refused);
        var selected = diagnostics.Where(d => IsSelected(d, options)).ToList();
        HashSet<FindingKey>? selectedKeys = null;
        var chosen = new List<(Diagnostic, CodeFix)>();
        foreach (var diagnostic in selected)
        {
            if (diagnostic.Fixes.IsDefaultOrEmpty || refused.ContainsKey(FindingKey.Of(diagnostic)))
            {
                continue;
            }

            foreach (var fix in diagnostic.Fixes)
            {
                if (!fix.AlsoChanges.IsDefaultOrEmpty)
                {
                    selectedKeys ??= [.. selected.Select(FindingKey.Of)];
                    if (!fix.AlsoChanges.All(selectedKeys.Contains))
                    {
                        continue;
                    }
                }

                chosen.Add((diagnostic, fix));
                break;
            }
        }

        return chosen;
    }

    /// <summary>
    /// The findings after fixing, each one fix-all could not fix carrying why: refused because it survived its fix, or
    /// every fix of it would change a finding this run does not fix.
    /// </summary>
    private static ImmutableArray<Diagnostic> WithReasons(ImmutableArray<Diagnostic> diagnostics, FixOptions options, Dictionary<LogicalKey, string> refusals)
    {
        HashSet<FindingKey>? selectedKeys = null;
        var result = ImmutableArray.CreateBuilder<Diagnostic>(diagnostics.Length);
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Fixes.IsDefaultOrEmpty || !IsSelected(diagnostic, options))
            {
                result.Add(diagnostic);
            }
            else if (refusals.TryGetValue(LogicalKey.Of(diagnostic), out var reason))
            {
                result.Add(diagnostic.WithoutFixes(reason));
            }
            else
            {
                selectedKeys ??= [.. diagnostics.Where(d => IsSelected(d, options)).Select(FindingKey.Of)];
                var blocked = diagnostic.Fixes.All(f => !f.AlsoChanges.IsDefaultOrEmpty && !f.AlsoChanges.All(selectedKeys.Contains));
                var other = blocked ? diagnostic.Fixes[0].AlsoChanges.First(k => !selectedKeys.Contains(k)) : null;
                result.Add(other is null ? diagnostic : diagnostic.WithoutFixes(FixReasons.WouldChangeUnfixed(other, diagnostics.FirstOrDefault(d => FindingKey.Of(d) == other))));
            }
        }

        return result.MoveToImmutable();
    }

    private static bool IsSelected(Diagnostic diagnostic, FixOptions options) => diagnostic.Severity != Severity.None && options.Selects(diagnostic.Id);

    /// <summary>
    /// The applied fixes whose finding re-linting still reports: as many findings of its rule, file and logical path as
    /// before the pass (positions move with the edits, and findings about same-named workloads share a logical path).
    /// </summary>
    private static List<(Diagnostic Diagnostic, CodeFix Fix)> Survivors(ImmutableArray<Diagnostic> before, List<(Diagnostic Diagnostic, CodeFix Fix)> applied, ImmutableArray<Diagnostic> after)
    {
        var fixedKeys = applied.Select(a => LogicalKey.Of(a.Diagnostic)).ToHashSet();
        var countBefore = before.Where(d => fixedKeys.Contains(LogicalKey.Of(d))).CountBy(LogicalKey.Of).ToDictionary();
        var countAfter = after.Where(d => fixedKeys.Contains(LogicalKey.Of(d))).CountBy(LogicalKey.Of).ToDictionary();
        return [.. applied.Where(a => countAfter.GetValueOrDefault(LogicalKey.Of(a.Diagnostic)) >= countBefore.GetValueOrDefault(LogicalKey.Of(a.Diagnostic)))];
    }

    /// <summary>
    /// One pass's edits on the current snapshot, file by file, without committing them: the new overlay, each file's new
    /// text with the fixes applied to it, and every applied fix. A file whose edits would not parse is refused for good.
    /// </summary>
    private static PassResult ApplyPass(DeploymentModel model, IReadOnlyList<(Diagnostic Diagnostic, CodeFix Fix)> chosen, Dictionary<string, FileState> states, ImmutableDictionary<string, byte[]> overlay, Func<string, bool>? mayEdit)
    {
        var updates = new List<(FileState, string, List<(string RuleId, CodeFix Fix)>, int)>();
        var applied = new List<(Diagnostic, CodeFix)>();
        foreach (var group in chosen.GroupBy(c => c.Fix.Document))
        {
            if (!TryFindDocument(model, group.Key, out var document) || Path.IsPathRooted(document.Path) || mayEdit?.Invoke(document.Path) == false)
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

            var (edits, fixes) = SelectEdits(group.Select(c => (c.Diagnostic.Id, c.Fix)));
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

            updates.Add((state, newText, fixes, edits.Count));
            overlay = overlay.SetItem(fullPath, state.Original.EncodeLikeOriginal(newText));
            applied.AddRange(group.Where(c => fixes.Exists(f => ReferenceEquals(f.Fix, c.Fix))));
        }

        return new PassResult(overlay, updates, applied);
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

    /// <summary>A finding's identity across passes: rule, file and logical path, not its position (edits move it).</summary>
    private sealed record LogicalKey(string RuleId, string Path, FindingPath LogicalPath)
    {
        public static LogicalKey Of(Diagnostic diagnostic) => new(diagnostic.Id, diagnostic.Location.Path, diagnostic.LogicalPath);
    }

    private sealed record PassResult(
        ImmutableDictionary<string, byte[]> Overlay,
        List<(FileState State, string Text, List<(string RuleId, CodeFix Fix)> Applied, int EditCount)> Updates,
        List<(Diagnostic Diagnostic, CodeFix Fix)> Applied);

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
