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
    /// <summary>
    /// The pod of a <c>.pod</c> quadlet, with the name Podman gives it (<c>PodName=</c>, else <c>systemd-STEM</c>),
    /// which <c>podman run --pod</c> uses; <c>Pod=</c> in a <c>.container</c> names the file instead.
    /// </summary>
    public static (string PodmanName, Workload Pod)? Pod(string fileName, UnitDefinition definition)
    {
        if (Path.GetExtension(fileName) != ".pod" || definition.GetSection("Pod") is not { } pod)
        {
            return null;
        }

        var stem = Path.GetFileNameWithoutExtension(fileName);
        var (mode, networks) = WorkloadSettings.Networks(Networks(pod, PodmanCommandKind.PodCreate));
        var podName = Last(pod, "PodName")?.Text;
        var workload = new Workload
        {
            Name = podName ?? stem,
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
        return (podName ?? "systemd-" + stem, workload);
    }

    /// <summary>
    /// The container of a <c>.container</c> quadlet; <c>Pod=</c> makes it a member of the pod <paramref name="findPod"/> returns.
    /// Its <c>Environment=</c> becomes <c>--env</c> and its <c>EnvironmentFile=</c> <c>--env-file</c>, so podman's precedence
    /// holds: <c>Environment=</c> over the files, later files over earlier.
    /// </summary>
    public static Workload? Container(string fileName, UnitDefinition definition, Func<string, Workload?> findPod, EnvFileSource envFiles)
    {
        if (Path.GetExtension(fileName) != ".container" || definition.GetSection("Container") is not { } container)
        {
            return null;
        }

        var stem = Path.GetFileNameWithoutExtension(fileName);
        var (mode, networks) = WorkloadSettings.Networks(Networks(container, PodmanCommandKind.Run));
        var pod = Last(container, "Pod") is { } podWord ? new PodMembership(podWord.ToValue(), findPod(podWord.Text)) : null;
        var entrypoint = Last(container, "Entrypoint");
        var health = Last(container, "HealthCmd");
        var containerName = Last(container, "ContainerName")?.Text;
        var name = containerName ?? stem;
        var header = Header(container);
        return new Workload
        {
            Name = name,
            Kind = WorkloadKind.QuadletContainer,
            Location = header,
            GroupName = fileName,
            NetworkMode = mode,
            Networks = networks,
            Pod = pod,

            // Quadlet's default is ContainerName=systemd-%N.
            ContainerName = containerName ?? "systemd-" + stem,
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

    /// <summary>
    /// <c>Network=</c> values, then the <c>--network</c>/<c>--net</c> values of <c>PodmanArgs=</c>, which quadlet appends
    /// after the options it generates (podman-systemd.unit(5)): <c>PodmanArgs=--network=host</c> is host networking too.
    /// </summary>
    private static IEnumerable<UnitWord> Networks(UnitSectionView section, PodmanCommandKind kind) =>
        Values(section, "Network").Concat(ContainerCommandParser.RunOptions(Words(section, "PodmanArgs").ToList(), kind).All("--network"));

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
