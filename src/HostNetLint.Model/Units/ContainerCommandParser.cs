namespace HostNetLint.Model.Units;

/// <summary>
/// Recognises compose and Podman (or Docker) commands among the simple commands of an Exec line and reads
/// their options the way the tools do: <c>--flag value</c>, <c>--flag=value</c> and <c>-fVALUE</c>.
/// </summary>
internal static class ContainerCommandParser
{
    // Global options of podman and docker that take a value, so the subcommand after them is found.
    private static readonly HashSet<string> GlobalValueOptions = new(StringComparer.Ordinal)
    {
        "--connection", "-c", "--url", "--identity", "--log-level", "-l", "--root", "--runroot", "--runtime",
        "--storage-driver", "--storage-opt", "--cgroup-manager", "--events-backend", "--network-cmd-path",
        "--tmpdir", "--volumepath", "--imagestore", "--module", "--hooks-dir", "--config", "--context", "-H", "--host",
        "--network-config-dir", "--conmon", "--db-backend", "--ssh", "--out",
    };

    // Options of compose (compose-go, docker-compose v1 and podman-compose) before the subcommand that take a value.
    private static readonly HashSet<string> ComposeValueOptions = new(StringComparer.Ordinal)
    {
        "-p", "--project-name", "--env-file", "--profile", "--ansi", "--parallel", "--progress", "-H", "--host",
        "--podman-path", "--podman-args", "--podman-pull-args", "--podman-push-args", "--podman-build-args",
        "--podman-inspect-args", "--podman-run-args", "--podman-start-args", "--podman-stop-args", "--podman-rm-args",
        "--podman-volume-args", "--in-pod", "--pod-args", "--log-level", "--context", "-c",
    };

    // Short and alternative names, mapped to the long name the workload builder reads.
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["-e"] = "--env", ["-v"] = "--volume", ["-p"] = "--publish", ["--net"] = "--network", ["-l"] = "--label",
        ["-h"] = "--hostname", ["-w"] = "--workdir", ["-u"] = "--user", ["-m"] = "--memory", ["-a"] = "--attach",
    };

    // Options of podman run/create and pod create that take a value; any other option is a flag on its own.
    private static readonly HashSet<string> RunValueOptions = new(StringComparer.Ordinal)
    {
        "--name", "--pod", "--env", "--volume", "--publish", "--network", "--workdir", "--user", "--label",
        "--entrypoint", "--restart", "--hostname", "--add-host", "--cap-add", "--cap-drop", "--device", "--security-opt",
        "--health-cmd", "--memory", "--cpus", "--log-driver", "--log-opt", "--tz", "--userns", "--secret", "--env-file",
        "--mount", "--ip", "--ip6", "--dns", "--dns-option", "--dns-search", "--expose", "--annotation", "--arch",
        "--attach", "--blkio-weight", "--cgroup-parent", "--cgroupns", "--cgroups", "--cidfile", "--conmon-pidfile",
        "--cpu-period", "--cpu-quota", "--cpu-shares", "--cpuset-cpus", "--cpuset-mems", "--detach-keys",
        "--device-cgroup-rule", "--gidmap", "--group-add", "--health-interval", "--health-retries",
        "--health-start-period", "--health-timeout", "--health-on-failure", "--health-startup-cmd", "--image-volume",
        "--init-path", "--ipc", "--label-file", "--mac-address", "--memory-reservation", "--memory-swap",
        "--network-alias", "--oom-score-adj", "--os", "--pid", "--pidfile", "--pids-limit", "--platform",
        "--pod-id-file", "--preserve-fds", "--pull", "--requires", "--sdnotify", "--seccomp-policy", "--shm-size",
        "--stop-signal", "--stop-timeout", "--subgidname", "--subuidname", "--sysctl", "--systemd", "--timeout",
        "--tmpfs", "--uidmap", "--ulimit", "--umask", "--uts", "--variant", "--volumes-from", "--gpus",
        "--cgroup-conf", "--chrootdirs", "--passwd-entry", "--personality", "--rdt-class", "--infra-image",
        "--infra-name", "--infra-command", "--infra-conmon-pidfile", "--share", "--exit-policy", "--link",
        "--log-opt", "--storage-opt", "--decryption-key", "--authfile", "--cert-dir", "--creds", "--hostuser",
        "--configmap", "--context-dir", "--seccomp-profile-root",
    };

    public static ContainerCommand? Parse(IReadOnlyList<UnitWord> words)
    {
        if (words.Count == 0)
        {
            return null;
        }

        var program = ShellCommandSplitter.ProgramName(words[0].Text);
        if (program is "podman-compose" or "docker-compose")
        {
            return ParseCompose(words[0], words, 1);
        }

        if (program is not ("podman" or "docker" or "podman-remote"))
        {
            return null;
        }

        var i = SkipOptions(words, 1, GlobalValueOptions);
        var subcommand = Word(words, i);
        var next = Word(words, i + 1);
        return (subcommand, next) switch
        {
            ("compose", _) => ParseCompose(words[0], words, i + 1),
            ("run" or "create", _) => ParseRun(words[0], PodmanCommandKind.Run, words, i + 1),
            ("container", "run" or "create") => ParseRun(words[0], PodmanCommandKind.Run, words, i + 2),
            ("pod", "create") => ParseRun(words[0], PodmanCommandKind.PodCreate, words, i + 2),
            ("kube", "play") or ("play", "kube") => ParseKubePlay(words[0], words, i + 2),
            _ => null,
        };
    }

    private static string? Word(IReadOnlyList<UnitWord> words, int index) => index < words.Count ? words[index].Text : null;

    private static int SkipOptions(IReadOnlyList<UnitWord> words, int i, HashSet<string> valueOptions)
    {
        while (i < words.Count && words[i].Text.StartsWith('-') && words[i].Text != "--")
        {
            i += valueOptions.Contains(words[i].Text) ? 2 : 1;
        }

        return words.Count > i && words[i].Text == "--" ? i + 1 : i;
    }

    private static ComposeCommand ParseCompose(UnitWord program, IReadOnlyList<UnitWord> words, int i)
    {
        var files = new List<UnitWord>();
        UnitWord? projectDirectory = null;
        for (; i < words.Count; i++)
        {
            var word = words[i];
            var text = word.Text;
            if (!text.StartsWith('-') || text == "--")
            {
                // The subcommand (up, pull, down): compose's own options come before it.
                break;
            }

            if (TakeValue(words, ref i, "-f", "--file") is { } file)
            {
                files.Add(file);
            }
            else if (TakeValue(words, ref i, "--project-directory", "--project-directory") is { } directory)
            {
                projectDirectory = directory;
            }
            else if (ComposeValueOptions.Contains(text))
            {
                i++;
            }
        }

        return new ComposeCommand(program, files, projectDirectory);
    }

    /// <summary>The value of <paramref name="shortName"/>/<paramref name="longName"/> in any of its spellings, advancing past it.</summary>
    private static UnitWord? TakeValue(IReadOnlyList<UnitWord> words, ref int i, string shortName, string longName)
    {
        var text = words[i].Text;
        if (text == shortName || text == longName)
        {
            if (i + 1 >= words.Count)
            {
                return null;
            }

            i++;
            return words[i];
        }

        foreach (var name in (string[])[shortName, longName])
        {
            if (text.StartsWith(name + "=", StringComparison.Ordinal))
            {
                return words[i].Slice(name.Length + 1);
            }
        }

        // The attached short form: -fdocker-compose.yaml.
        return shortName.Length == 2 && text.Length > 2 && text.StartsWith(shortName, StringComparison.Ordinal) && text[1] != '-'
            ? words[i].Slice(2)
            : null;
    }

    private static PodmanCommand ParseRun(UnitWord program, PodmanCommandKind kind, IReadOnlyList<UnitWord> words, int i)
    {
        var options = new List<(string Flag, UnitWord Value)>();
        UnitWord? image = null;
        for (; i < words.Count; i++)
        {
            var word = words[i];
            var text = word.Text;
            if (text == "--")
            {
                i++;
                break;
            }

            if (!text.StartsWith('-') || text.Length == 1)
            {
                break;
            }

            var equals = text.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 && text.StartsWith("--", StringComparison.Ordinal) ? text[..equals] : text;
            var flag = Canonical(name, kind);
            if (!RunValueOptions.Contains(flag))
            {
                // -pVALUE: a short value option with its value attached.
                if (!text.StartsWith("--", StringComparison.Ordinal) && text.Length > 2 && RunValueOptions.Contains(Canonical(text[..2], kind)))
                {
                    options.Add((Canonical(text[..2], kind), word.Slice(2)));
                }

                continue;
            }

            if (name.Length < text.Length)
            {
                options.Add((flag, word.Slice(name.Length + 1)));
            }
            else if (i + 1 < words.Count)
            {
                options.Add((flag, words[++i]));
            }
        }

        if (i < words.Count)
        {
            image = words[i];
            i++;
        }

        return new PodmanCommand(program, kind, options, image, [.. words.Skip(i)]);
    }

    private static KubePlayCommand? ParseKubePlay(UnitWord program, IReadOnlyList<UnitWord> words, int i)
    {
        // kube play shares run's value options (--network, --publish, --ip, --log-opt, ...) plus a few of its own.
        var parsed = ParseRun(program, PodmanCommandKind.Run, words, i);
        return parsed.Image is null ? null : new KubePlayCommand(program, parsed.Image, [.. parsed.All("--network")]);
    }

    private static string Canonical(string name, PodmanCommandKind kind) =>
        kind == PodmanCommandKind.PodCreate && name == "-n" ? "--name" : Aliases.GetValueOrDefault(name, name);
}
