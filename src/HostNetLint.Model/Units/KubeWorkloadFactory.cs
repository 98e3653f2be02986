using HostNetLint.Model.Workloads;
using HostNetLint.Parsing.Text;
using HostNetLint.Parsing.Yaml;

namespace HostNetLint.Model.Units;

/// <summary>
/// Turns a Kubernetes YAML file played by Podman (<c>podman kube play</c>, a <c>.kube</c> quadlet) into one workload
/// for its pods: host network when any pod spec says <c>hostNetwork: true</c>.
/// </summary>
/// <remarks>
/// The host-network value is located at the <c>true</c> scalar in the YAML file (its text is <c>host</c>, the meaning)
/// and enters the workload at the reference (<c>Yaml=</c> value or the file argument). Other pod settings are not read.
/// </remarks>
internal static class KubeWorkloadFactory
{
    public static Workload Create(string fallbackName, WorkloadKind kind, string groupName, Location location, UnitWord reference, SourceDocument? document, IReadOnlyList<UnitWord> networkOptions)
    {
        var (mode, networks) = WorkloadSettings.Networks(networkOptions);
        string? name = null;
        foreach (var root in document?.Yaml is { } tree && document.IsAnalyzable ? tree.Documents.Select(d => d.Root?.Resolve()) : [])
        {
            if (root is not YamlMapping mapping)
            {
                continue;
            }

            name ??= (Child(mapping, "metadata", "name") as YamlScalar)?.Value;
            if (mode is null && (Child(mapping, "spec", "hostNetwork") ?? Child(mapping, "spec", "template", "spec", "hostNetwork")) is YamlScalar { Value: "true" } flag)
            {
                var flagLocation = new Location(document!.Text, flag.Span);
                mode = new ModelValue("host", flag.Value, flagLocation, reference.Location);
            }
        }

        return new Workload
        {
            Name = name ?? fallbackName,
            Kind = kind,
            Location = location,
            GroupName = groupName,
            NetworkMode = mode,
            Networks = networks,
        };
    }

    private static YamlNode? Child(YamlMapping mapping, params string[] path)
    {
        YamlNode? node = mapping;
        foreach (var key in path)
        {
            node = (node as YamlMapping)?[key]?.Resolve();
        }

        return node;
    }
}
