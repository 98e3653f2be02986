using System.Globalization;
using System.Text.RegularExpressions;
using HostNetLint.Model;
using HostNetLint.Model.Workloads;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Rules.Analysis;

/// <summary>
/// Finds the host ports every workload occupies. Port variables (<c>PORT</c>, <c>*_PORT</c>,
/// <c>*_ADDRESS=HOST:PORT</c>) are weak evidence: one written in a shared anchor reaches every service
/// that merges it, including those that do not listen on it, so it counts only when one workload alone owns it.
/// </summary>
public static partial class PortBindingAnalysis
{
    /// <summary>The most ports one published range may contribute; larger ranges are clamped (they still clash).</summary>
    private const int MaxRangeLength = 1024;

    /// <summary>The bindings of the model being linted, computed once per run for every rule that asks.</summary>
    public static SharedAnalysis<IReadOnlyList<PortBinding>> Shared { get; } = new((model, _) => Collect(model));

    public static IReadOnlyList<PortBinding> Collect(DeploymentModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var all = model.Workloads.SelectMany(CollectCandidates).ToList();

        // A weak value written once but seen by several workloads is shared configuration, not a listener.
        var owners = all.Where(b => b.Evidence == PortEvidence.Weak)
            .GroupBy(b => b.Source.Location)
            .ToDictionary(g => g.Key, g => g.Select(b => b.Workload).Distinct().Count());
        return [.. all
            .Where(b => b.Evidence == PortEvidence.Strong || owners[b.Source.Location] == 1)
            .DistinctBy(b => (b.Workload, b.Port, b.Protocol, b.HostIp))];
    }

    private static IEnumerable<PortBinding> CollectCandidates(Workload workload)
    {
        if (!workload.IsHostNetwork)
        {
            foreach (var mapping in workload.Ports)
            {
                if (mapping.HostPortStart is { } start)
                {
                    var end = Math.Min(mapping.HostPortEnd ?? start, start + MaxRangeLength - 1);
                    for (var port = start; port <= end; port++)
                    {
                        yield return new PortBinding(workload, port, mapping.Protocol, mapping.HostIp, PortEvidence.Strong, mapping.Entry, "publishes");
                    }
                }
            }

            yield break;
        }

        // On the host network the process binds the container-side port; published host ports are discarded.
        foreach (var mapping in workload.Ports)
        {
            if ((mapping.ContainerPortStart ?? mapping.HostPortStart) is { } port)
            {
                yield return new PortBinding(workload, port, mapping.Protocol, null, PortEvidence.Strong, mapping.Entry, "listens on");
            }
        }

        foreach (var expose in workload.Expose)
        {
            var match = ExposeSyntax().Match(expose.Text.Trim());
            if (match.Success && TryPort(match.Groups["port"].Value, out var port))
            {
                yield return new PortBinding(workload, port, ParseProtocol(match.Groups["proto"].Value), null, PortEvidence.Strong, expose, "listens on");
            }
        }

        foreach (var binding in FromArguments(workload))
        {
            yield return binding;
        }

        foreach (var binding in FromHealthcheck(workload))
        {
            yield return binding;
        }

        foreach (var binding in FromEnvironment(workload))
        {
            yield return binding;
        }
    }

    private static IEnumerable<PortBinding> FromArguments(Workload workload)
    {
        var words = EvidenceText.Words(workload.Entrypoint.Concat(workload.Command)).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            var (word, source) = words[i];
            var next = i + 1 < words.Count ? words[i + 1].Word : null;
            if (next is not null && word is "--port" or "-p" or "--bind" or "-b")
            {
                // The value is the evidence, and it may sit in its own list item.
                source = words[i + 1].Source;
            }

            string? portText = null;
            string? address = null;
            if (word is "--port" or "-p" && next is not null)
            {
                portText = next;
            }
            else if (word.StartsWith("--port=", StringComparison.Ordinal))
            {
                portText = word["--port=".Length..];
            }
            else if (word is "--bind" or "-b" && next is not null)
            {
                (address, portText) = SplitHostPort(next);
            }
            else if (word.StartsWith("--bind=", StringComparison.Ordinal))
            {
                (address, portText) = SplitHostPort(word["--bind=".Length..]);
            }

            if (portText is not null && TryPort(portText, out var port))
            {
                yield return new PortBinding(workload, port, PortProtocol.Tcp, address, PortEvidence.Strong, source, "listens on");
            }
        }
    }

    private static IEnumerable<PortBinding> FromHealthcheck(Workload workload)
    {
        foreach (var value in workload.Healthcheck)
        {
            foreach (Match match in LocalUrl().Matches(value.Text))
            {
                if (TryPort(match.Groups["port"].Value, out var port))
                {
                    yield return new PortBinding(workload, port, PortProtocol.Tcp, null, PortEvidence.Strong, value, "listens on");
                }
            }
        }
    }

    private static IEnumerable<PortBinding> FromEnvironment(Workload workload)
    {
        foreach (var variable in workload.Environment)
        {
            if (variable.Value is not { } value)
            {
                continue;
            }

            var name = variable.Name.ToUpperInvariant();
            if ((name == "PORT" || name.EndsWith("_PORT", StringComparison.Ordinal)) && TryPort(value.Text.Trim(), out var port))
            {
                yield return new PortBinding(workload, port, PortProtocol.Tcp, null, PortEvidence.Weak, variable.Entry, "listens on");
            }
            else if (name.EndsWith("_ADDRESS", StringComparison.Ordinal) || name.EndsWith("_ADDR", StringComparison.Ordinal))
            {
                var (address, portText) = SplitHostPort(value.Text.Trim());
                if (portText is not null && TryPort(portText, out port))
                {
                    yield return new PortBinding(workload, port, PortProtocol.Tcp, address, PortEvidence.Weak, variable.Entry, "listens on");
                }
            }
        }
    }

    /// <summary>Splits <c>host:port</c>, <c>[v6]:port</c> or a bare <c>:port</c>; a value without a colon is no address.</summary>
    internal static (string? Host, string? Port) SplitHostPort(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon < 0)
        {
            return (null, null);
        }

        var host = text[..colon].Trim('[', ']');
        return (host.Length == 0 ? null : host, text[(colon + 1)..]);
    }

    private static bool TryPort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is > 0 and <= 65535;

    private static PortProtocol ParseProtocol(string text) => text.ToLowerInvariant() switch
    {
        "udp" => PortProtocol.Udp,
        "sctp" => PortProtocol.Sctp,
        _ => PortProtocol.Tcp,
    };

    [GeneratedRegex(@"^(?<port>\d+)(-\d+)?(/(?<proto>[a-zA-Z]+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex ExposeSyntax();

    [GeneratedRegex(@"https?://(localhost|127\.0\.0\.1|\[::1\]|0\.0\.0\.0):(?<port>\d{1,5})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LocalUrl();
}
