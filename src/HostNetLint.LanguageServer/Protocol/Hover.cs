namespace HostNetLint.LanguageServer.Protocol;

internal sealed record HoverParams(TextDocumentIdentifier TextDocument, Position Position);

/// <summary>LSP <c>MarkupContent</c>: <see cref="Kind"/> is <c>markdown</c> or <c>plaintext</c>.</summary>
internal sealed record MarkupContent(string Kind, string Value);

internal sealed record Hover(MarkupContent Contents, LspRange? Range);
