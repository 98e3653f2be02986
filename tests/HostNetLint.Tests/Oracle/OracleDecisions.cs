using System.Text.Json;
using HostNetLint.Model;
using HostNetLint.Model.Compose;
using HostNetLint.Model.Runtime;
using HostNetLint.Model.Workloads;
using HostNetLint.Parsing.Yaml;

namespace HostNetLint.Tests.Oracle;

/// <summary>The network options podman-compose gave podman for one container (everything before the image).</summary>
public sealed record PodmanNetworkArguments(string? ContainerName, IReadOnlyList<string> Networks, bool HasAlias)
{
    /// <summary>Reads <c>--network X</c>, <c>--network=X</c>, <c>--net X</c>, <c>--net=X</c> (podman's alias), <c>--network-alias</c> and <c>--name=</c>.</summary>
    public static PodmanNetworkArguments Read(JsonElement options)
    {
        var words = options.EnumerateArray().Select(o => o.GetString()!).ToList();
        string? name = null;
        var networks = new List<string>();
        var alias = false;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (word is "--network" or "--net" && i + 1 < words.Count)
            {
                networks.Add(words[++i]);
            }
            else if (word.StartsWith("--network=", StringComparison.Ordinal) || word.StartsWith("--net=", StringComparison.Ordinal))
            {
                networks.Add(word[(word.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            }
            else if (word.StartsWith("--network-alias", StringComparison.Ordinal))
            {
                alias = true;
                i += word == "--network-alias" ? 1 : 0;
            }
            else if (word.StartsWith("--name=", StringComparison.Ordinal))
            {
                name = word["--name=".Length..];
            }
            else if (word == "--name" && i + 1 < words.Count)
            {
                name = words[++i];
            }
        }

        return new PodmanNetworkArguments(name, networks, alias);
    }

    /// <summary>The mode podman takes from the first network value (a network name means bridge).</summary>
    public string Mode => Networks.Count == 0 ? "default" : Networks[0];

    /// <summary>Bridge mode (the only one that takes several networks and aliases): no value, <c>bridge[:...]</c>, or a network name.</summary>
    private bool IsBridgeMode => Networks.Count == 0 || NetworkModes.Named(Networks[0]) is not { InPodman: true } or { Name: "bridge" };

    /// <summary>The bug the future rule reports: <c>--network host</c> followed by another network (podman 4 refuses it).</summary>
    public bool CombinesHostWithAnotherNetwork => Networks.Count > 1 && Networks[0] == "host";

    /// <summary>Why podman 4.3.1 refuses these arguments (checked on Debian 12), or null when it accepts them.</summary>
    public string? Refusal =>
        Networks.Count > 1 && !IsBridgeMode ? $"multiple networks with mode {Networks[0]}"
        : HasAlias && !IsBridgeMode ? $"--network-alias with mode {Networks[0]}"
        : Networks.Count > 0 && Networks[0].StartsWith("service:", StringComparison.Ordinal) ? "service: is not a podman mode"
        : null;
}

/// <summary>Turns what each oracle printed for a project into a namespace decision per service, following joins inside the project.</summary>
public static class OracleDecisions
{
    /// <summary>podman-compose: the first network value decides; <c>service:</c> (1.0.3 passes it on) and <c>container:</c> are followed.</summary>
    public static Dictionary<string, NetworkNamespaceKind> FromPodmanCompose(IReadOnlyDictionary<string, PodmanNetworkArguments> services) =>
        Resolve(services.Keys, service => services[service].Mode switch
        {
            "host" => (NetworkNamespaceKind.Host, null),
            var mode when mode.StartsWith("service:", StringComparison.Ordinal) => (null, mode["service:".Length..]),
            var mode when mode.StartsWith("container:", StringComparison.Ordinal) =>
                (null, services.FirstOrDefault(s => s.Value.ContainerName == mode["container:".Length..]).Key),
            var mode when mode.StartsWith("ns:", StringComparison.Ordinal) => (NetworkNamespaceKind.Unknown, null),
            _ => (NetworkNamespaceKind.NotHost, null),
        });

    /// <summary>docker-compose config: network_mode host, service:, container: (a container_name in the project), else an external network named host.</summary>
    public static Dictionary<string, NetworkNamespaceKind> FromDockerCompose(IReadOnlyDictionary<string, JsonElement> services) =>
        Resolve(services.Keys, service =>
        {
            var data = services[service];
            var mode = data.GetProperty("network_mode").ValueKind == JsonValueKind.String ? data.GetProperty("network_mode").GetString()! : null;
            return mode switch
            {
                "host" => (NetworkNamespaceKind.Host, null),
                not null when mode.StartsWith("service:", StringComparison.Ordinal) => (null, mode["service:".Length..]),
                not null when mode.StartsWith("container:", StringComparison.Ordinal) =>
                    (null, services.FirstOrDefault(s => s.Value.GetProperty("container_name").ValueKind == JsonValueKind.String
                        && s.Value.GetProperty("container_name").GetString() == mode["container:".Length..]).Key),
                not null when mode.StartsWith("ns:", StringComparison.Ordinal) => (NetworkNamespaceKind.Unknown, null),
                not null => (NetworkNamespaceKind.NotHost, null),
                null => (data.GetProperty("networks").EnumerateArray().Any(n => n.GetProperty("external").GetBoolean() && n.GetProperty("name").GetString() == "host")
                    ? NetworkNamespaceKind.Host : NetworkNamespaceKind.NotHost, null),
            };
        });

    /// <summary>The compose projects of a model an oracle can load, and the ones it cannot with the reason.</summary>
    public static (List<(OracleProject Oracle, ComposeProject Project)> Projects, List<(ComposeProject Project, string Reason)> Skipped) Projects(DeploymentModel model)
    {
        var projects = new List<(OracleProject, ComposeProject)>();
        var skipped = new List<(ComposeProject, string)>();
        foreach (var project in model.ComposeProjects)
        {
            if (project.Files.IsEmpty)
            {
                skipped.Add((project, "no file of it can be read"));
            }
            else if (project.Files.Any(f => f.Root?["include"] is not null))
            {
                skipped.Add((project, "it uses include:, which podman-compose 1.0.3 and docker-compose 1.29 do not read"));
            }
            else
            {
                var files = project.Files.Select(f => Path.Combine(model.Root, f.Document.Path)).ToList();
                projects.Add((new OracleProject("p" + projects.Count, project.Directory, files), project));
            }
        }

        return (projects, skipped);
    }

    /// <summary>A project's name in messages: the path of its first file under the root.</summary>
    public static string Name(ComposeProject project) => project.Files.IsEmpty ? project.Directory : project.Files[0].Document.Path.Replace('\\', '/');

    private static Dictionary<string, NetworkNamespaceKind> Resolve(
        IEnumerable<string> services, Func<string, (NetworkNamespaceKind? Kind, string? Joins)> own)
    {
        var decisions = new Dictionary<string, NetworkNamespaceKind>(StringComparer.Ordinal);
        var all = services.ToHashSet(StringComparer.Ordinal);
        foreach (var start in all)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            string? current = start;
            NetworkNamespaceKind kind;
            while (true)
            {
                if (current is null || !all.Contains(current) || !seen.Add(current))
                {
                    kind = NetworkNamespaceKind.Unknown;
                    break;
                }

                var (ownKind, joins) = own(current);
                if (ownKind is { } decided)
                {
                    kind = decided;
                    break;
                }

                current = joins;
            }

            decisions[start] = kind;
        }

        return decisions;
    }
}
