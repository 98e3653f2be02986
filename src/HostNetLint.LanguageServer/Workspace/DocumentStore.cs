using System.Collections.Immutable;
using HostNetLint.LanguageServer.Protocol;
using HostNetLint.Parsing.Text;

namespace HostNetLint.LanguageServer.Workspace;

/// <summary>
/// The documents the client has open, by full path, with their unsaved text. Changed on the reader loop (in message
/// order); read from lint and request tasks through immutable snapshots.
/// </summary>
internal sealed class DocumentStore
{
    private readonly object gate = new();
    private ImmutableDictionary<string, OpenDocument> documents = ImmutableDictionary<string, OpenDocument>.Empty.WithComparers(StringComparer.Ordinal);

    public ImmutableDictionary<string, OpenDocument> Snapshot
    {
        get
        {
            lock (gate)
            {
                return documents;
            }
        }
    }

    /// <summary>The open document of a URI; null when it is not open or not a file.</summary>
    public OpenDocument? Find(string uri) =>
        DocumentUri.ToPath(uri) is { } path && Snapshot.TryGetValue(path, out var document) ? document : null;

    /// <summary>Opens a <c>file:</c> document; null for any other scheme (nothing to lint on disk around it).</summary>
    public OpenDocument? Open(TextDocumentItem item)
    {
        if (DocumentUri.ToPath(item.Uri) is not { } path)
        {
            return null;
        }

        var document = new OpenDocument(item.Uri, path, item.Version, item.Text);
        lock (gate)
        {
            documents = documents.SetItem(path, document);
        }

        return document;
    }

    /// <summary>Applies a client's changes in order (each range is in the text the previous change left).</summary>
    public OpenDocument? Change(VersionedTextDocumentIdentifier identifier, IReadOnlyList<TextDocumentContentChangeEvent> changes)
    {
        lock (gate)
        {
            if (DocumentUri.ToPath(identifier.Uri) is not { } path || !documents.TryGetValue(path, out var document))
            {
                return null;
            }

            var text = document.Text;
            foreach (var change in changes)
            {
                if (change.Range is not { } range)
                {
                    text = change.Text;
                    continue;
                }

                var source = SourceText.From(text);
                var start = TextPositions.ToOffset(source, range.Start);
                var end = Math.Max(start, TextPositions.ToOffset(source, range.End));
                text = string.Concat(text.AsSpan(0, start), change.Text, text.AsSpan(end));
            }

            var changed = new OpenDocument(document.Uri, path, identifier.Version, text);
            documents = documents.SetItem(path, changed);
            return changed;
        }
    }

    public OpenDocument? Close(string uri)
    {
        lock (gate)
        {
            if (DocumentUri.ToPath(uri) is not { } path || !documents.TryGetValue(path, out var document))
            {
                return null;
            }

            documents = documents.Remove(path);
            return document;
        }
    }
}
