using System.Collections.Immutable;
using HostNetLint.Model.EnvFiles;
using HostNetLint.Model.Workloads;
using HostNetLint.Parsing.Systemd;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Model.Units;

/// <summary>
/// Reads a quadlet's <c>[Container]</c> or <c>[Pod]</c> section into a workload, every value located in the file.
/// Keys are read like quadlet does: single-valued ones take the last assignment, list-valued ones all assignments
/// since the last empty one.
/// </summary>
internal static class QuadletWorkloadFactory
{
    /// <summary>The pod of a <c>.pod</c> quadlet: podman names it <c>PodName=</c>, else <c>systemd-STEM</c>.</summary>
    public static PodDefinition? Pod(string fileName, UnitDefinition definition)
    {
        var section = definition.GetSection("Pod");
        if (section is null)
        {
            return null;
        }

        var (mode, networks) = WorkloadSettings.Networks(Values(section, "Network"));
        var name = Last(section, "PodName")?.Text ?? "systemd-" + Path.GetFileNameWithoutExtension(fileName);
        return new PodDefinition(name, mode, networks);
    }

    /// <summary>
    /// The workload of a <c>.container</c> or <c>.pod</c> quadlet. A container's <c>Environment=</c> becomes <c>--env</c> and its
    /// <c>EnvironmentFile=</c> <c>--env-file</c>, so podman's precedence holds: <c>Environment=</c> over the files, later files over earlier.
    /// </summary>
    public static Workload? Create(string fileName, UnitDefinition definition, Func<string, PodDefinition?> findPod, EnvFileSource envFiles)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        switch (Path.GetExtension(fileName))
        {
            case ".container" when definition.GetSection("Container") is { } container:
                return Container(stem, fileName, container, findPod, envFiles);
            case ".pod" when definition.GetSection("Pod") is { } pod:
                var (mode, networks) = WorkloadSettings.Networks(Values(pod, "Network"));
                return new Workload
                {
                    Name = Last(pod, "PodName")?.Text ?? stem,
                    Kind = WorkloadKind.QuadletPod,
                    Location = Header(pod),
                    GroupName = fileName,
                    NetworkMode = mode,
                    Networks = networks,
                    Ports = [.. Values(pod, "PublishPort").Select(WorkloadSettings.Port)],
                    Mounts = [.. Values(pod, "Volume").Select(WorkloadSettings.Volume)],
                    ExtraHosts = [.. Values(pod, "AddHost").Select(w => w.ToValue())],
                    Labels = [.. Words(pod, "Label").Select(WorkloadSettings.Label)],
                };
            default:
                return null;
        }
    }

    private static Workload Container(string stem, string fileName, UnitSectionView container, Func<string, PodDefinition?> findPod, EnvFileSource envFiles)
    {
        var (mode, networks) = WorkloadSettings.Networks(Values(container, "Network"));
        if (mode is null && networks.IsEmpty && Last(container, "Pod") is { } podWord && findPod(podWord.Text) is { } pod)
        {
            // Pod=NAME.pod: the container joins the pod's network; the value enters the workload at Pod=.
            mode = pod.NetworkMode is { } podMode ? podMode with { Site = podWord.Location } : null;
            networks = [.. pod.Networks.Select(n => n with { Name = n.Name with { Site = podWord.Location } })];
        }

        var entrypoint = Last(container, "Entrypoint");
        var health = Last(container, "HealthCmd");
        var name = Last(container, "ContainerName")?.Text ?? stem;
        var header = Header(container);
        return new Workload
        {
            Name = name,
            Kind = WorkloadKind.QuadletContainer,
            Location = header,
            GroupName = fileName,
            NetworkMode = mode,
            Networks = networks,
            Ports = [.. Values(container, "PublishPort").Select(WorkloadSettings.Port)],
            Expose = [.. Values(container, "ExposeHostPort").Select(w => w.ToValue())],
            Mounts = [.. container.Entries.Where(e => e.Key is "Volume" or "Mount" && !e.IsEmptyAssignment)
                .Select(e => e.Key == "Volume" ? WorkloadSettings.Volume(SettingWords.Whole(e)) : WorkloadSettings.MountOption(SettingWords.Whole(e)))],
            Environment = EnvFileReader.Override(envFiles(Values(container, "EnvironmentFile"), name, header), [.. Words(container, "Environment").Select(SettingWords.ToVariable)]),
            Command = [.. LastWords(container, "Exec").Select(w => w.ToValue())],
            Entrypoint = entrypoint is null ? [] : [entrypoint.ToValue()],
            Healthcheck = health is null ? [] : [.. health.SplitShell().Select(w => w.ToValue())],
            ExtraHosts = [.. Values(container, "AddHost").Select(w => w.ToValue())],
            Labels = [.. Words(container, "Label").Select(WorkloadSettings.Label)],
            Image = Last(container, "Image")?.ToValue(),
        };
    }

    private static Location Header(UnitSectionView section) => new(section.Sections[0].Source, section.Sections[0].HeaderSpan);

    private static UnitWord? Last(UnitEntryScope scope, string key) =>
        scope.GetLast(key) is { IsEmptyAssignment: false } entry ? SettingWords.Whole(entry) : null;

    /// <summary>Whole values of a list-valued key (<c>PublishPort=</c>, <c>Volume=</c>, <c>Network=</c>).</summary>
    private static IEnumerable<UnitWord> Values(UnitEntryScope scope, string key) => scope.GetEffective(key).Select(SettingWords.Whole);

    /// <summary>Space-separated words of all assignments (<c>Environment=</c>, <c>Label=</c>).</summary>
    private static IEnumerable<UnitWord> Words(UnitEntryScope scope, string key) => scope.GetEffective(key).SelectMany(SettingWords.Split);

    private static List<UnitWord> LastWords(UnitEntryScope scope, string key) =>
        scope.GetLast(key) is { IsEmptyAssignment: false } entry ? SettingWords.Split(entry) : [];
}
