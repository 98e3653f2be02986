namespace HostNetLint.LanguageServer.Protocol;

/// <summary>LSP <c>DiagnosticSeverity</c>.</summary>
internal static class DiagnosticSeverities
{
    public const int Error = 1;
    public const int Warning = 2;
    public const int Information = 3;
    public const int Hint = 4;
}

internal sealed record CodeDescription(string Href);

internal sealed record DiagnosticRelatedInformation(LspLocation Location, string Message);

/// <summary>LSP <c>Diagnostic</c>: <see cref="Code"/> is the rule ID, <see cref="CodeDescription"/> its page.</summary>
internal sealed record LspDiagnostic(
    LspRange Range,
    int Severity,
    string Code,
    CodeDescription? CodeDescription,
    string Source,
    string Message,
    DiagnosticRelatedInformation[]? RelatedInformation);

/// <summary>The whole list of a document's diagnostics (clients replace, never merge); empty clears it.</summary>
internal sealed record PublishDiagnosticsParams(string Uri, int? Version, LspDiagnostic[] Diagnostics);
