namespace HostNetLint.LanguageServer.Workspace;

/// <summary>
/// A document the client has open: its URI as sent, its full path, the client's version and the unsaved text. Its
/// <see cref="Kind"/> is decided once per text (a YAML file becomes a compose file when <c>services:</c> is typed).
/// </summary>
internal sealed class OpenDocument
{
    public OpenDocument(string uri, string fullPath, int version, string text)
    {
        Uri = uri;
        FullPath = fullPath;
        Version = version;
        Text = text;
        Kind = DocumentKinds.Classify(fullPath, text);
    }

    public string Uri { get; }

    public string FullPath { get; }

    public int Version { get; }

    public string Text { get; }

    public DocumentKind Kind { get; }
}
