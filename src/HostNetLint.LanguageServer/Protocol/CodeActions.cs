namespace HostNetLint.LanguageServer.Protocol;

/// <summary>LSP <c>CodeActionKind</c> values the server offers.</summary>
internal static class CodeActionKinds
{
    public const string QuickFix = "quickfix";

    /// <summary>Under <c>source.fixAll</c>, so editors can run it on save (VS Code's <c>editor.codeActionsOnSave</c>).</summary>
    public const string FixAll = "source.fixAll.hostnetlint";
}

/// <summary>What the client asks actions for; <see cref="Only"/> filters by kind (a kind and everything under it).</summary>
internal sealed record CodeActionContext(string[]? Only);

internal sealed record CodeActionParams(TextDocumentIdentifier TextDocument, LspRange Range, CodeActionContext? Context);

internal sealed record TextDocumentEdit(OptionalVersionedTextDocumentIdentifier TextDocument, LspTextEdit[] Edits);

/// <summary>One of <see cref="Changes"/> (clients without versioned edits) or <see cref="DocumentChanges"/>.</summary>
internal sealed record WorkspaceEdit(Dictionary<string, LspTextEdit[]>? Changes, TextDocumentEdit[]? DocumentChanges);

/// <summary>What <c>codeAction/resolve</c> needs to compute a fix-all's edit later: the document, its version and the rules (empty: all).</summary>
internal sealed record FixAllData(string Uri, int Version, string[] Rules);

internal sealed record CodeAction
{
    public required string Title { get; init; }

    public required string Kind { get; init; }

    public LspDiagnostic[]? Diagnostics { get; init; }

    public bool? IsPreferred { get; init; }

    public WorkspaceEdit? Edit { get; init; }

    public FixAllData? Data { get; init; }
}
