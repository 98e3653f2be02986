using System.Globalization;

namespace HostNetLint.Model.Workloads;

/// <summary>
/// Parses compose's short port syntax <c>[HOST_IP:][HOST_PORT[-END]:]CONTAINER_PORT[-END][/PROTOCOL]</c>,
/// including bracketed IPv6 host addresses (<c>[::1]:8080:80</c>). Unparseable numbers become null.
/// </summary>
public static class PortSyntax
{
    public static PortSpec ParseShort(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        var protocol = PortProtocol.Tcp;
        var slash = text.LastIndexOf('/');
        if (slash >= 0)
        {
            protocol = ParseProtocol(text[(slash + 1)..]);
            text = text[..slash];
        }

        string? hostIp = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close > 0)
            {
                hostIp = text[1..close];
                text = text[(close + 1)..].TrimStart(':');
            }
        }

        var parts = text.Split(':');
        string? host = null;
        string container;
        if (parts.Length == 1)
        {
            container = parts[0];
        }
        else
        {
            container = parts[^1];
            host = parts[^2];
            if (parts.Length > 2 && hostIp is null)
            {
                // Everything before the host port is the address (an unbracketed IPv6 address has colons too).
                hostIp = string.Join(':', parts[..^2]);
            }
        }

        var (containerStart, containerEnd) = ParseRange(container);
        var (hostStart, hostEnd) = string.IsNullOrEmpty(host) ? (null, null) : ParseRange(host);
        return new PortSpec(string.IsNullOrEmpty(hostIp) ? null : hostIp, hostStart, hostEnd, containerStart, containerEnd, protocol);
    }

    public static PortProtocol ParseProtocol(string text) => text.Trim().ToUpperInvariant() switch
    {
        "UDP" => PortProtocol.Udp,
        "SCTP" => PortProtocol.Sctp,
        _ => PortProtocol.Tcp,
    };

    /// <summary><c>8080</c> → (8080, 8080); <c>8000-8010</c> → (8000, 8010); anything else → (null, null).</summary>
    public static (int? Start, int? End) ParseRange(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            var single = ParsePort(text);
            return (single, single);
        }

        var start = ParsePort(text[..dash]);
        var end = ParsePort(text[(dash + 1)..]);
        return start is null || end is null ? (null, null) : (start, end);
    }

    private static int? ParsePort(string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535 ? port : null;
}
