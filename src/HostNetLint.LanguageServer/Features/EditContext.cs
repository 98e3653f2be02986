using HostNetLint.LanguageServer.Protocol;

namespace HostNetLint.LanguageServer.Features;

/// <summary>How the client wants edits and URIs, for building code actions.</summary>
internal sealed record EditContext(ClientCapabilities Client, Func<string, string> UriOf, DiagnosticConverter Diagnostics)
{
    /// <summary>
    /// A workspace edit of one document at <paramref name="version"/> (null: not open in the editor): versioned
    /// <c>documentChanges</c> when the client supports them, so an edit computed on an older text is refused.
    /// </summary>
    public WorkspaceEdit Edit(string uri, int? version, LspTextEdit[] edits) => Client.DocumentChanges
        ? new WorkspaceEdit(null, [new TextDocumentEdit(new OptionalVersionedTextDocumentIdentifier(uri, version), edits)])
        : new WorkspaceEdit(new Dictionary<string, LspTextEdit[]>(StringComparer.Ordinal) { [uri] = edits }, null);
}
