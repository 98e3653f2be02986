namespace HostNetLint.LanguageServer.Workspace;

/// <summary>A document the client has open: its URI as sent, its full path, the client's version and the unsaved text.</summary>
internal sealed record OpenDocument(string Uri, string FullPath, int Version, string Text)
{
    public DocumentKind Kind => DocumentKinds.Classify(FullPath, Text);
}
