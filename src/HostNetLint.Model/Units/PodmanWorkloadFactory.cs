using HostNetLint.Model.EnvFiles;
using HostNetLint.Model.Workloads;

namespace HostNetLint.Model.Units;

/// <summary>Turns <c>podman run</c>/<c>create</c> and <c>podman pod create</c> commands into workloads and pods.</summary>
internal static class PodmanWorkloadFactory
{
    /// <summary>
    /// The workload of a <c>podman run</c>/<c>create</c> or <c>podman pod create</c> line. A container that names a pod
    /// (<c>--pod P</c>) is a member of the pod <paramref name="findPod"/> returns for P; its network is resolved with the model's.
    /// Its environment is podman's: <c>--env</c> over <c>--env-file</c>, later env files over earlier ones (podman-run(1),
    /// "Environment": "--env-file: ... If multiple files are specified, then they override each other in order of entry.
    /// --env: Any environment variables specified overrides previous settings").
    /// </summary>
    public static Workload Create(PodmanCommand command, string unitName, Func<string, Workload?> findPod, EnvFileSource envFiles)
    {
        var (mode, networks) = WorkloadSettings.Networks(command.All("--network"));
        var pod = command.Kind == PodmanCommandKind.Run && command.Last("--pod") is { } podWord
            ? new PodMembership(podWord.ToValue(), findPod(podWord.Text))
            : null;
        var isPod = command.Kind == PodmanCommandKind.PodCreate;
        var entrypoint = command.Last("--entrypoint");
        var health = command.Last("--health-cmd");
        var name = (isPod ? PodName(command) : command.Last("--name")?.Text ?? command.Image?.Text) ?? (isPod ? "pod" : "podman");
        return new Workload
        {
            Name = name,
            Kind = isPod ? WorkloadKind.PodmanPod : WorkloadKind.PodmanRun,
            Location = command.Program.Location,
            GroupName = unitName,
            NetworkMode = mode,
            Networks = networks,
            Pod = pod,
            ContainerName = isPod ? null : command.Last("--name")?.Text,
            Ports = [.. command.All("--publish").Select(WorkloadSettings.Port)],
            Expose = [.. command.All("--expose").Select(w => w.ToValue())],
            Mounts = [.. command.Options.Where(o => o.Flag is "--volume" or "--mount")
                .Select(o => o.Flag == "--volume" ? WorkloadSettings.Volume(o.Value) : WorkloadSettings.MountOption(o.Value))],
            Environment = EnvFileReader.Override(envFiles(command.All("--env-file"), name, command.Program.Location), [.. command.All("--env").Select(SettingWords.ToVariable)]),
            Command = isPod ? [] : [.. command.Arguments.Select(w => w.ToValue())],
            Entrypoint = entrypoint is null ? [] : [entrypoint.ToValue()],
            Healthcheck = health is null ? [] : [.. health.SplitShell().Select(w => w.ToValue())],
            ExtraHosts = [.. command.All("--add-host").Select(w => w.ToValue())],
            Labels = [.. command.All("--label").Select(WorkloadSettings.Label)],
            Image = isPod ? null : command.Image?.ToValue(),
        };
    }

    /// <summary>The name of the pod a <c>podman pod create</c> makes: <c>--name</c> or the positional argument.</summary>
    public static string? PodName(PodmanCommand command) => command.Last("--name")?.Text ?? command.Image?.Text;
}
