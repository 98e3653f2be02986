using HostNetLint.Model.Workloads;

namespace HostNetLint.Rules.Analysis;

/// <summary>
/// Reads port variables (<c>PORT</c>, <c>*_PORT</c>, <c>*_ADDRESS</c>/<c>*_ADDR</c> = <c>HOST:PORT</c>) as weak listener
/// evidence, after dropping those one workload's own environment shows to be client settings: the address of a
/// service it calls. The rows here are the per-workload half of the table in rules/HNL1005.md; the half that needs
/// other workloads is in <see cref="PortBindingAnalysis"/>.
/// </summary>
internal static class PortVariables
{
    /// <summary>Names that say the far end is elsewhere: <c>AIRFLOW_DB_PORT</c>, <c>DATABASE_PORT</c>, <c>API_UPSTREAM_PORT</c>.</summary>
    private static readonly string[] RemoteWords = ["DB", "DATABASE", "UPSTREAM", "REMOTE"];

    /// <summary>Siblings that make <c>X_PORT</c> half of an address: <c>X_HOST</c>/<c>X_PORT</c>, <c>X_SERVER</c>/<c>X_PORT</c>.</summary>
    private static readonly string[] HostSuffixes = ["_HOST", "_HOSTNAME", "_SERVER"];

    public static IEnumerable<PortBinding> Listeners(Workload workload)
    {
        var byName = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var variable in workload.Environment)
        {
            byName[variable.Name.ToUpperInvariant()] = variable.Value?.Text;
        }

        foreach (var variable in workload.Environment)
        {
            if (variable.Value is not { } value)
            {
                continue;
            }

            var name = variable.Name.ToUpperInvariant();
            var isPort = name == "PORT" || name.EndsWith("_PORT", StringComparison.Ordinal);
            if (!isPort && !name.EndsWith("_ADDRESS", StringComparison.Ordinal) && !name.EndsWith("_ADDR", StringComparison.Ordinal))
            {
                continue;
            }

            var text = value.Text.Trim();
            // Only port and address names are read, so *_URL, *_URI, *_DSN and *_ENDPOINT never count; a URL value
            // (VAULT_ADDR=http://127.0.0.1:8200) is an address to call whatever its name.
            if (IsRemoteByName(name) || text.Contains("://", StringComparison.Ordinal))
            {
                continue;
            }

            if (isPort)
            {
                if (PortBindingAnalysis.TryPort(text, out var port) && !HasHostSibling(name[..^"PORT".Length], byName))
                {
                    yield return new PortBinding(workload, port, PortProtocol.Tcp, null, PortEvidenceKind.Variable, variable.Entry, variable.Name);
                }
            }
            else
            {
                var (host, portText) = PortBindingAnalysis.SplitHostPort(text);
                if (portText is not null && PortBindingAnalysis.TryPort(portText, out var port) && IsLocal(host))
                {
                    yield return new PortBinding(workload, port, PortProtocol.Tcp, host, PortEvidenceKind.Variable, variable.Entry, variable.Name);
                }
            }
        }
    }

    private static bool IsRemoteByName(string name)
    {
        foreach (var range in name.AsSpan().Split('_'))
        {
            var word = name.AsSpan()[range];
            foreach (var remote in RemoteWords)
            {
                if (word.SequenceEqual(remote))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// <c>X_HOST</c> beside <c>X_PORT</c> makes them one address, usually of a service to call. A wildcard host
    /// (<c>0.0.0.0</c>) is where a server binds, so it does not make the port a client setting. <c>PORT</c> alone
    /// (prefix "") is the conventional listener variable and has no sibling.
    /// </summary>
    private static bool HasHostSibling(string prefixWithUnderscore, Dictionary<string, string?> byName)
    {
        if (prefixWithUnderscore.Length == 0)
        {
            return false;
        }

        var prefix = prefixWithUnderscore[..^1];
        foreach (var suffix in HostSuffixes)
        {
            if (byName.TryGetValue(prefix + suffix, out var host) && !(host is { } h && IsWildcard(h.Trim())))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An address a process here can bind: none (<c>:9100</c>), a wildcard, or loopback. A name or another IP is someone else.</summary>
    private static bool IsLocal(string? host) =>
        host is null || IsWildcard(host) || host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || host.StartsWith("127.", StringComparison.Ordinal) || host == "::1";

    private static bool IsWildcard(string host) => host != "" && PortBinding.IsAnyAddress(host);
}
