using System.Text.Json;

namespace HostNetLint.LanguageServer.Protocol;

/// <summary>
/// The few client capabilities the server adapts to, read from <c>initialize</c>'s params (the full structure is large
/// and almost all optional, so it is read by path rather than deserialized).
/// </summary>
internal sealed record ClientCapabilities
{
    /// <summary><c>workspace.workspaceEdit.documentChanges</c>: edits carry the document version.</summary>
    public bool DocumentChanges { get; init; }

    /// <summary><c>textDocument.hover.contentFormat</c> includes markdown.</summary>
    public bool HoverMarkdown { get; init; }

    /// <summary><c>textDocument.codeAction.resolveSupport.properties</c> includes <c>edit</c>: fix-all edits are computed when chosen.</summary>
    public bool ResolveCodeActionEdit { get; init; }

    /// <summary><c>workspace.didChangeWatchedFiles.dynamicRegistration</c>: the server asks to be told about files changed on disk.</summary>
    public bool WatchFiles { get; init; }

    public static ClientCapabilities From(JsonElement initializeParams)
    {
        var capabilities = Find(initializeParams, "capabilities");
        return new ClientCapabilities
        {
            DocumentChanges = Find(capabilities, "workspace", "workspaceEdit", "documentChanges").ValueKind == JsonValueKind.True,
            HoverMarkdown = Strings(Find(capabilities, "textDocument", "hover", "contentFormat")).Contains("markdown"),
            ResolveCodeActionEdit = Strings(Find(capabilities, "textDocument", "codeAction", "resolveSupport", "properties")).Contains("edit"),
            WatchFiles = Find(capabilities, "workspace", "didChangeWatchedFiles", "dynamicRegistration").ValueKind == JsonValueKind.True,
        };
    }

    /// <summary>The value at a path of object members; <see cref="JsonValueKind.Undefined"/> when any step is missing.</summary>
    public static JsonElement Find(JsonElement element, params string[] path)
    {
        ArgumentNullException.ThrowIfNull(path);
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return default;
            }
        }

        return element;
    }

    private static HashSet<string> Strings(JsonElement array) =>
        array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
            : [];
}
