using System.Text.Json.Nodes;

namespace HostNetLint.Tests.LanguageServer;

/// <summary>What an editor does with LSP positions and edits, written independently of the server's code.</summary>
public static class LspText
{
    /// <summary>The offset of a zero-based line and UTF-16 character; lines end at CR LF, LF or CR.</summary>
    public static int Offset(string text, int line, int character)
    {
        var offset = 0;
        for (var current = 0; current < line; current++)
        {
            var next = text.IndexOfAny(['\r', '\n'], offset);
            if (next < 0)
            {
                return text.Length;
            }

            offset = next + (text[next] == '\r' && next + 1 < text.Length && text[next + 1] == '\n' ? 2 : 1);
        }

        return offset + character;
    }

    /// <summary>Applies a TextEdit[] (ranges in the original text) the way clients do.</summary>
    public static string Apply(string text, JsonArray edits)
    {
        var spans = edits.Select(e => e!.AsObject()).Select(e => (
            Start: Offset(text, (int)e["range"]!["start"]!["line"]!, (int)e["range"]!["start"]!["character"]!),
            End: Offset(text, (int)e["range"]!["end"]!["line"]!, (int)e["range"]!["end"]!["character"]!),
            NewText: (string)e["newText"]!)).OrderByDescending(e => e.Start).ToList();
        foreach (var (start, end, newText) in spans)
        {
            text = string.Concat(text.AsSpan(0, start), newText, text.AsSpan(end));
        }

        return text;
    }

    /// <summary>The edits of <paramref name="uri"/> in a WorkspaceEdit (documentChanges or changes), and the version they name.</summary>
    public static (JsonArray Edits, int? Version) EditsOf(JsonNode workspaceEdit, string uri)
    {
        if (workspaceEdit["documentChanges"] is JsonArray changes)
        {
            var change = changes.Single(c => (string?)c!["textDocument"]!["uri"] == uri)!;
            return (change["edits"]!.AsArray(), (int?)change["textDocument"]!["version"]);
        }

        return (workspaceEdit["changes"]![uri]!.AsArray(), null);
    }

    /// <summary>A diagnostic as "CODE line:char-line:char" for compact assertions.</summary>
    public static string Describe(JsonNode diagnostic)
    {
        var range = diagnostic["range"]!;
        return $"{(string)diagnostic["code"]!} {(int)range["start"]!["line"]!}:{(int)range["start"]!["character"]!}-{(int)range["end"]!["line"]!}:{(int)range["end"]!["character"]!}";
    }

    public static string[] Describe(JsonArray diagnostics) => [.. diagnostics.Select(d => Describe(d!))];
}
