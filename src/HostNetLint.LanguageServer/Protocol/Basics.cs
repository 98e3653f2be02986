using System.Text.Json.Serialization;

namespace HostNetLint.LanguageServer.Protocol;

/// <summary>A zero-based line and UTF-16 character offset (the encoding the server announces).</summary>
internal sealed record Position(int Line, int Character);

/// <summary>LSP <c>Range</c>: start inclusive, end exclusive.</summary>
internal sealed record LspRange(Position Start, Position End);

/// <summary>LSP <c>Location</c>.</summary>
internal sealed record LspLocation(string Uri, LspRange Range);

/// <summary>LSP <c>TextEdit</c>: replaces <see cref="Range"/> of the document as it was before any edit of the same set.</summary>
internal sealed record LspTextEdit(LspRange Range, string NewText);

internal sealed record TextDocumentIdentifier(string Uri);

/// <summary>A document and the version the edits were computed on; <see cref="Version"/> null for a file the editor has not open.</summary>
internal sealed record OptionalVersionedTextDocumentIdentifier(
    string Uri,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? Version);

internal sealed record VersionedTextDocumentIdentifier(string Uri, int Version);
