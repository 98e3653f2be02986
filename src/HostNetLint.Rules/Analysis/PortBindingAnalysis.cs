using System.Globalization;
using System.Text.RegularExpressions;
using HostNetLint.Model;
using HostNetLint.Model.Workloads;
using HostNetLint.Parsing.Text;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Rules.Analysis;

/// <summary>The host ports the workloads occupy, and who runs next to whom.</summary>
public sealed record PortBindings(IReadOnlyList<PortBinding> All, CoTenancy CoTenancy);

/// <summary>
/// Finds the host ports every workload occupies. Ports in <c>ports</c>, <c>expose</c>, command flags and
/// localhost health checks are strong evidence. Port variables are weak: many name a service the workload
/// calls, so the table of client-setting heuristics in rules/HNL1005.md drops them first (the per-workload rows
/// are in <see cref="PortVariables"/>, the rows that need other workloads here).
/// </summary>
public static partial class PortBindingAnalysis
{
    /// <summary>The most ports one published range may contribute; larger ranges are clamped (they still clash).</summary>
    private const int MaxRangeLength = 1024;

    /// <summary>The bindings of the model being linted, computed once per run for every rule that asks.</summary>
    public static SharedAnalysis<PortBindings> Shared { get; } = new(Collect);

    public static PortBindings Collect(DeploymentModel model, LintOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        var coTenancy = CoTenancy.Build(model, options);
        var all = model.Workloads.SelectMany(CollectCandidates).ToList();

        // Who else claims the same port strongly, and how many workloads carry the same weak value. A workload counts
        // once however many alternative runs of its stack repeat it (a base's run and a variant's over it).
        var strong = new HashSet<(int Group, int Port, PortProtocol Protocol)>();
        var byLocation = new Dictionary<Location, HashSet<(int Stack, string Name)>>();
        var byVariable = new Dictionary<(string Name, int Port), HashSet<(int Stack, string Name)>>();
        foreach (var binding in all)
        {
            if (binding.Strength == PortEvidenceStrength.Strong)
            {
                foreach (var group in coTenancy.GroupsOf(binding.Workload))
                {
                    strong.Add((group, binding.Port, binding.Protocol));
                }
            }
            else
            {
                var owner = (coTenancy.RunOf(binding.Workload).Stack, binding.Workload.Name);
                Owners(byLocation, binding.Source.Location).Add(owner);
                Owners(byVariable, (binding.Variable!.ToUpperInvariant(), binding.Port)).Add(owner);
            }
        }

        bool IsListener(PortBinding binding) =>
            binding.Strength == PortEvidenceStrength.Strong
            || (byLocation[binding.Source.Location].Count == 1
                && (byVariable[(binding.Variable!.ToUpperInvariant(), binding.Port)].Count == 1 || binding.Variable.Equals("PORT", StringComparison.OrdinalIgnoreCase))
                && !coTenancy.GroupsOf(binding.Workload).Any(group => strong.Contains((group, binding.Port, binding.Protocol))));

        return new PortBindings([.. all.Where(IsListener).DistinctBy(b => (b.Workload, b.Port, b.Protocol, b.HostIp))], coTenancy);
    }

    private static HashSet<(int Stack, string Name)> Owners<TKey>(Dictionary<TKey, HashSet<(int Stack, string Name)>> owners, TKey key)
        where TKey : notnull
    {
        if (!owners.TryGetValue(key, out var set))
        {
            owners[key] = set = [];
        }

        return set;
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
                        yield return new PortBinding(workload, port, mapping.Protocol, mapping.HostIp, PortEvidenceKind.Published, mapping.Entry);
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
                yield return new PortBinding(workload, port, mapping.Protocol, null, PortEvidenceKind.Published, mapping.Entry);
            }
        }

        foreach (var expose in workload.Expose)
        {
            var match = ExposeSyntax().Match(expose.Text.Trim());
            if (match.Success && TryPort(match.Groups["port"].Value, out var port))
            {
                yield return new PortBinding(workload, port, ParseProtocol(match.Groups["proto"].Value), null, PortEvidenceKind.Exposed, expose);
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

        foreach (var binding in PortVariables.Listeners(workload))
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
                yield return new PortBinding(workload, port, PortProtocol.Tcp, address, PortEvidenceKind.CommandFlag, source);
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
                    yield return new PortBinding(workload, port, PortProtocol.Tcp, null, PortEvidenceKind.Healthcheck, value);
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

    internal static bool TryPort(string text, out int port) =>
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
