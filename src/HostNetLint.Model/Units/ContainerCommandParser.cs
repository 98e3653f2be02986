using HostNetLint.Model.Compose;

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
        "--file", "--project-name", "--project-directory", "--env-file", "--profile", "--ansi", "--parallel", "--progress",
        "--host", "--podman-path", "--podman-args", "--podman-pull-args", "--podman-push-args", "--podman-build-args",
        "--podman-inspect-args", "--podman-run-args", "--podman-start-args", "--podman-stop-args", "--podman-rm-args",
        "--podman-volume-args", "--in-pod", "--pod-args", "--log-level", "--context",
    };

    // Their short names.
    private static readonly Dictionary<string, string> ComposeAliases = new(StringComparer.Ordinal)
    {
        ["-f"] = "--file", ["-p"] = "--project-name", ["-H"] = "--host", ["-c"] = "--context",
    };

    // Options of up/run/start/create/restart that take a value, so the services named after them are found.
    private static readonly HashSet<string> ComposeSubcommandValueOptions = new(StringComparer.Ordinal)
    {
        "-t", "--timeout", "--scale", "--exit-code-from", "--pull", "--wait-timeout", "--attach", "--no-attach",
        "-e", "--env", "-l", "--label", "--name", "--entrypoint", "-u", "--user", "-w", "--workdir", "-v", "--volume",
        "-p", "--publish", "--cap-add", "--cap-drop",
    };

    // Options of podman start and pod start that take a value.
    private static readonly HashSet<string> StartValueOptions = new(StringComparer.Ordinal)
    {
        "--detach-keys", "--filter", "-f", "--pod-id-file",
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
            return ParseCompose(words[0], program == "podman-compose" ? ComposeTool.PodmanCompose : ComposeTool.DockerComposeStandalone, words, 1);
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
            ("compose", _) => ParseCompose(words[0], program == "docker" ? ComposeTool.DockerCompose : ComposeTool.PodmanComposeCommand, words, i + 1),
            ("run" or "create", _) => ParseRun(words[0], PodmanCommandKind.Run, words, i + 1),
            ("container", "run" or "create") => ParseRun(words[0], PodmanCommandKind.Run, words, i + 2),
            ("pod", "create") => ParseRun(words[0], PodmanCommandKind.PodCreate, words, i + 2),
            ("start", _) => ParseStart(words[0], startsPods: false, words, i + 1),
            ("container" or "pod", "start") => ParseStart(words[0], startsPods: subcommand == "pod", words, i + 2),
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

    private static ComposeCommand ParseCompose(UnitWord program, ComposeTool tool, IReadOnlyList<UnitWord> words, int i)
    {
        var options = new List<(string Flag, UnitWord Value)>();
        for (; i < words.Count; i++)
        {
            var text = words[i].Text;
            if (text == "--")
            {
                i++;
                break;
            }

            if (!text.StartsWith('-') || text.Length == 1)
            {
                // The subcommand (up, pull, down): compose's own options come before it.
                break;
            }

            // --file=x, and -f=x as argparse (podman-compose) and pflag (docker compose) read it.
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 && (text.StartsWith("--", StringComparison.Ordinal) || equals == 2) ? text[..equals] : text;
            var flag = ComposeAliases.GetValueOrDefault(name, name);
            if (ComposeValueOptions.Contains(flag))
            {
                if (name.Length < text.Length)
                {
                    options.Add((flag, words[i].Slice(name.Length + 1)));
                }
                else if (i + 1 < words.Count)
                {
                    options.Add((flag, words[++i]));
                }
            }
            else if (!text.StartsWith("--", StringComparison.Ordinal) && text.Length > 2 && ComposeAliases.TryGetValue(text[..2], out var attached))
            {
                // The attached short form: -fdocker-compose.yaml, -pairflow.
                options.Add((attached, words[i].Slice(2)));
            }
        }

        var subcommand = i < words.Count ? words[i] : null;
        return new ComposeCommand(program, tool, options, subcommand, [.. words.Skip(i + 1)]);
    }

    /// <summary>The services an <c>up</c>/<c>start</c>/<c>create</c>/<c>restart</c> names, or the one a <c>run</c> runs.</summary>
    public static List<UnitWord> ComposeServices(ComposeCommand command)
    {
        var services = new List<UnitWord>();
        if (command.Subcommand?.Text is not ("up" or "start" or "create" or "restart" or "run"))
        {
            return services;
        }

        var isRun = command.Subcommand.Text == "run";
        var arguments = command.Arguments;
        for (var i = 0; i < arguments.Count && !(isRun && services.Count == 1); i++)
        {
            var text = arguments[i].Text;
            if (text == "--")
            {
                services.AddRange(arguments.Skip(i + 1).Take(isRun ? 1 : int.MaxValue));
                break;
            }

            if (text.StartsWith('-') && text.Length > 1)
            {
                i += ComposeSubcommandValueOptions.Contains(text) ? 1 : 0;
                continue;
            }

            services.Add(arguments[i]);
        }

        return services;
    }

    private static PodmanStartCommand ParseStart(UnitWord program, bool startsPods, IReadOnlyList<UnitWord> words, int i)
    {
        var names = new List<UnitWord>();
        for (; i < words.Count; i++)
        {
            // Options may follow the names too (cobra reads them anywhere); container and pod names never start with '-'.
            var text = words[i].Text;
            if (text.StartsWith('-'))
            {
                i += StartValueOptions.Contains(text) ? 1 : 0;
                continue;
            }

            names.Add(words[i]);
        }

        return new PodmanStartCommand(program, startsPods, names);
    }

    private static PodmanCommand ParseRun(UnitWord program, PodmanCommandKind kind, IReadOnlyList<UnitWord> words, int i)
    {
        var options = ReadRunOptions(words, ref i, kind);
        UnitWord? image = null;
        if (i < words.Count)
        {
            image = words[i];
            i++;
        }

        return new PodmanCommand(program, kind, options, image, [.. words.Skip(i)]);
    }

    /// <summary>
    /// The value-taking options of <c>podman run</c>/<c>create</c> (or <c>pod create</c>) among <paramref name="words"/>,
    /// under their long names: also quadlet's <c>PodmanArgs=</c>, which quadlet appends to the command it generates.
    /// </summary>
    public static List<(string Flag, UnitWord Value)> RunOptions(IReadOnlyList<UnitWord> words, PodmanCommandKind kind)
    {
        var i = 0;
        return ReadRunOptions(words, ref i, kind);
    }

    /// <summary>Reads options from <paramref name="i"/> up to the first word that is not one (the image), leaving <paramref name="i"/> there.</summary>
    private static List<(string Flag, UnitWord Value)> ReadRunOptions(IReadOnlyList<UnitWord> words, ref int i, PodmanCommandKind kind)
    {
        var options = new List<(string Flag, UnitWord Value)>();
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

        return options;
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
