using System.Collections.Immutable;
using HostNetLint.LanguageServer.Analysis;
using HostNetLint.LanguageServer.Protocol;
using HostNetLint.LanguageServer.Workspace;
using HostNetLint.Parsing.Text;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.LanguageServer.Features;

/// <summary>
/// The light bulb: for the findings under the cursor, each one's fix (preferred: a finding has one fix), "Fix all
/// HNLxxxx in file" when the file has more than one such finding, "Fix all in file", and "Suppress HNLxxxx on this
/// line". Fix-all goes through the fix engine (every pass, the same as <c>hostnetlint fix</c>), so its result is the
/// CLI's byte for byte; a client that resolves code actions gets that edit only when the action is chosen.
/// </summary>
internal sealed class CodeActionProvider
{
    private readonly RootLinter linter;

    public CodeActionProvider(RootLinter linter) => this.linter = linter;

    public List<CodeAction> Provide(DocumentAnalysis analysis, LspRange range, string[]? only, EditContext context, CancellationToken cancellationToken)
    {
        var actions = new List<CodeAction>();
        if (analysis.Root is not { } root)
        {
            return actions;
        }

        var start = TextPositions.ToOffset(analysis.Text, range.Start);
        var end = Math.Max(start, TextPositions.ToOffset(analysis.Text, range.End));
        var hits = analysis.Findings.Where(f => f.Location.Span.Start <= end && start <= f.Location.Span.End).ToList();
        var fixable = analysis.Findings.Where(f => FixOf(root, f) is not null).ToList();
        LspDiagnostic Lsp(Diagnostic finding) => context.Diagnostics.Convert(finding, root.FullPathOf);

        if (Wants(only, CodeActionKinds.QuickFix))
        {
            // The same change offered by several findings (services sharing one anchor) is one action.
            foreach (var group in hits.Select(f => (Finding: f, Fix: FixOf(root, f))).Where(p => p.Fix is not null).GroupBy(p => Key(p.Fix!)))
            {
                var fix = group.First().Fix!;
                actions.Add(new CodeAction
                {
                    Title = fix.Title,
                    Kind = CodeActionKinds.QuickFix,
                    Diagnostics = [.. group.Select(p => Lsp(p.Finding))],
                    IsPreferred = true,
                    Edit = SingleFixEdit(root, fix, context),
                });
            }

            foreach (var id in hits.Select(f => f.Id).Distinct().Where(id => fixable.Count(f => f.Id == id) > 1))
            {
                AddFixAll(actions, analysis, $"Fix all {id} in file", CodeActionKinds.QuickFix, [.. hits.Where(f => f.Id == id).Select(Lsp)], [id], context, cancellationToken);
            }

            if (hits.Count > 0 && fixable.Count > 0)
            {
                AddFixAll(actions, analysis, "Fix all in file", CodeActionKinds.QuickFix, [.. hits.Select(Lsp)], [], context, cancellationToken);
            }

            if (root.ModelDocument(analysis.Document.FullPath) is { } document)
            {
                foreach (var finding in hits.DistinctBy(f => (f.Id, f.Location.LineSpan.Start.Line)))
                {
                    if (SuppressionEdits.Create(document, finding) is { } edit)
                    {
                        actions.Add(new CodeAction
                        {
                            Title = $"Suppress {finding.Id} on this line",
                            Kind = CodeActionKinds.QuickFix,
                            Diagnostics = [Lsp(finding)],
                            Edit = context.Edit(analysis.Document.Uri, analysis.Version, [ToLsp(document.Text, edit)]),
                        });
                    }
                }
            }
        }

        // Only when asked for by kind (on save, or the editor's source actions): it is not about the cursor.
        if (only is { Length: > 0 } && Wants(only, CodeActionKinds.FixAll) && fixable.Count > 0)
        {
            AddFixAll(actions, analysis, "Fix all HostNetLint findings in file", CodeActionKinds.FixAll, null, [], context, cancellationToken);
        }

        return actions;
    }

    /// <summary>Fills in a fix-all action's edit (<c>codeAction/resolve</c>); unchanged when the document moved on since.</summary>
    public CodeAction Resolve(CodeAction action, DocumentAnalysis analysis, EditContext context, CancellationToken cancellationToken) =>
        action.Data is { } data && data.Version == analysis.Version && action.Edit is null
            ? action with { Edit = FixAllEdit(analysis, [.. data.Rules], context, cancellationToken) }
            : action;

    private void AddFixAll(List<CodeAction> actions, DocumentAnalysis analysis, string title, string kind, LspDiagnostic[]? diagnostics, string[] rules, EditContext context, CancellationToken cancellationToken)
    {
        var action = new CodeAction { Title = title, Kind = kind, Diagnostics = diagnostics };
        if (context.Client.ResolveCodeActionEdit)
        {
            actions.Add(action with { Data = new FixAllData(analysis.Document.Uri, analysis.Version, rules) });
        }
        else if (FixAllEdit(analysis, rules, context, cancellationToken) is { } edit)
        {
            actions.Add(action with { Edit = edit });
        }
    }

    private WorkspaceEdit? FixAllEdit(DocumentAnalysis analysis, string[] rules, EditContext context, CancellationToken cancellationToken)
    {
        if (analysis.Root is not { } root)
        {
            return null;
        }

        var fix = analysis.FixAllCache.GetOrAdd(string.Join(',', rules), _ => linter.FixAll(root.Snapshot, analysis.Document.FullPath, [.. rules], cancellationToken));

        // The engine read the same buffer; anything else (a byte-order mark inside the buffer) would misplace the edits.
        if (fix is null || fix.Original.Text != analysis.Document.Text)
        {
            return null;
        }

        var edits = TextDiff.Edits(fix.Original.Text, fix.NewText).Select(e => ToLsp(fix.Original, e)).ToArray();
        return context.Edit(analysis.Document.Uri, analysis.Version, edits);
    }

    /// <summary>
    /// The finding's fix when the fix engine would apply it: its file was read whole, parsed cleanly, lies under the
    /// root, and its edits do not overlap (the same conditions <c>hostnetlint fix</c> writes under).
    /// </summary>
    private static CodeFix? FixOf(RootAnalysis root, Diagnostic finding)
    {
        if (finding.Fixes.IsDefaultOrEmpty)
        {
            return null;
        }

        var fix = finding.Fixes[0];
        var target = root.ModelDocument(fix.Document);
        return target is { IsAnalyzable: true } && target.Problems.IsDefaultOrEmpty && target.Text.DecodeFailure is null && !Path.IsPathRooted(target.Path) && fix.Apply() is not null
            ? fix
            : null;
    }

    /// <summary>A fix's edit, in whichever file it changes (the anchor or unit that owns the setting may be another file).</summary>
    private static WorkspaceEdit SingleFixEdit(RootAnalysis root, CodeFix fix, EditContext context)
    {
        var fullPath = root.FullPathOf(fix.Path);
        int? version = root.Snapshot.Open.TryGetValue(fullPath, out var open) ? open.Version : null;
        return context.Edit(context.UriOf(fullPath), version, [.. fix.Edits.Select(e => ToLsp(fix.Document, e))]);
    }

    private static LspTextEdit ToLsp(SourceText text, TextEdit edit) => new(TextPositions.ToRange(text, edit.Span), edit.NewText);

    private static string Key(CodeFix fix) =>
        string.Join('\n', [fix.Path, fix.Title, .. fix.Edits.Select(e => $"{e.Span.Start}:{e.Span.Length}:{e.NewText}")]);

    /// <summary>True when <paramref name="kind"/> is asked for: <c>only</c> names it or a kind above it; no <c>only</c> means quick fixes.</summary>
    private static bool Wants(string[]? only, string kind) =>
        only is not { Length: > 0 }
            ? kind == CodeActionKinds.QuickFix
            : only.Any(o => kind == o || kind.StartsWith(o + ".", StringComparison.Ordinal));
}
