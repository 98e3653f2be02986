using System.Text;

namespace HostNetLint.LanguageServer.Workspace;

/// <summary>
/// <c>file:</c> URIs and local paths. Documents the client opened keep the URI it sent (clients compare URIs as
/// strings); this spelling is for files the server names itself (related locations, a closed hostnetlint.yaml).
/// </summary>
internal static class DocumentUri
{
    /// <summary>The full path of a <c>file:</c> URI; null for any other scheme (<c>untitled:</c>, <c>git:</c>) or a remote host.</summary>
    public static string? ToPath(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = uri["file://".Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return null;
        }

        var authority = rest[..slash];
        if (authority.Length > 0 && !authority.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var end = rest.IndexOfAny(['?', '#']);
        var path = Uri.UnescapeDataString(end < 0 ? rest[slash..] : rest[slash..end]);

        // file:///c:/dir on Windows names c:\dir.
        if (path.Length >= 3 && path[2] == ':' && char.IsAsciiLetter(path[1]))
        {
            path = path[1..];
        }

        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }

    /// <summary>The <c>file:</c> URI of a full path, each byte outside RFC 3986's unreserved set (and <c>/</c>) percent-encoded.</summary>
    public static string FromPath(string fullPath)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        var path = fullPath.Replace('\\', '/');
        var uri = new StringBuilder("file://");
        if (!path.StartsWith('/'))
        {
            uri.Append('/');
        }

        foreach (var b in Encoding.UTF8.GetBytes(path))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~' or (byte)'/')
            {
                uri.Append((char)b);
            }
            else
            {
                uri.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return uri.ToString();
    }
}
