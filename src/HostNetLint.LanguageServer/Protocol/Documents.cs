namespace HostNetLint.LanguageServer.Protocol;

internal sealed record TextDocumentItem(string Uri, string LanguageId, int Version, string Text);

internal sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument);

/// <summary>A change: the whole text when <see cref="Range"/> is null, else the text that replaces the range.</summary>
internal sealed record TextDocumentContentChangeEvent(LspRange? Range, string Text);

internal sealed record DidChangeTextDocumentParams(VersionedTextDocumentIdentifier TextDocument, TextDocumentContentChangeEvent[] ContentChanges);

internal sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);

internal sealed record DidSaveTextDocumentParams(TextDocumentIdentifier TextDocument);

/// <summary>A file the client watches changed: <see cref="Type"/> 1 created, 2 changed, 3 deleted.</summary>
internal sealed record FileEvent(string Uri, int Type);

internal sealed record DidChangeWatchedFilesParams(FileEvent[] Changes);
