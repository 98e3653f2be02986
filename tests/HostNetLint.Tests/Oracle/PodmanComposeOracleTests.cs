using HostNetLint.Model;
using HostNetLint.Model.Compose;
using HostNetLint.Model.Runtime;
using HostNetLint.Model.Workloads;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Oracle;

/// <summary>
/// The model's network decision for every compose service, checked against what the runtimes Debian 12 ships do with
/// the same files: podman-compose (<c>--dry-run up</c>: the podman arguments per container) and docker-compose 1.29
/// (<c>config</c>: network_mode after merges, extends and interpolation). Our network-shape fixtures, both samples, and
/// every compose project in ../shared/corpus the tool accepts. Every difference is listed here with its reason.
/// It also records where podman-compose combines <c>--network host</c> with a second network (podman 4 refuses that):
/// the services the version facts (<see cref="RuntimeFacts.PodmanComposeAddsProjectNetwork"/>) say it does it for.
/// </summary>
/// <remarks>
/// Needs <c>apt-get install -y podman-compose docker-compose</c> (each part is ignored, with that message, without its
/// tool). Neither needs a container runtime, a daemon or the network; the drivers keep podman-compose from touching the
/// host (see podman_compose_oracle.py).
/// </remarks>
[TestFixture]
[Category("Oracle")]
public sealed class PodmanComposeOracleTests
{
    /// <summary>Network shapes, one project each: (directory, file, text).</summary>
    private static readonly (string Path, string Text)[] ShapeFiles =
    [
        ("host/compose.yaml", "services:\n  web:\n    image: nginx\n    network_mode: host\n    ports:\n      - \"8080:80\"\n  db:\n    image: postgres\n"),
        ("anchor/compose.yaml", Rules.OrderingFixtures.VmFacingCompose),
        ("extends/base.yaml", "services:\n  common:\n    image: busybox\n    network_mode: host\n"),
        ("extends/compose.yaml", "services:\n  worker:\n    extends:\n      file: base.yaml\n      service: common\n    command: work\n"),
        ("override/compose.yaml", "services:\n  web:\n    image: nginx\n"),
        ("override/compose.override.yaml", "services:\n  web:\n    network_mode: host\n"),
        ("interpolation/.env", "NET_MODE=host\n"),
        ("interpolation/compose.yaml", "services:\n  web:\n    image: nginx\n    network_mode: ${NET_MODE}\n  other:\n    image: nginx\n    network_mode: ${UNSET_MODE:-bridge}\n"),
        ("joins/compose.yaml", """
            services:
              vpn:
                image: gluetun
                container_name: lab-vpn
                network_mode: host
              probe:
                image: busybox
                network_mode: "container:lab-vpn"
              sidecar:
                image: busybox
                network_mode: "service:vpn"
              isolated:
                image: busybox
                network_mode: none
            """),
        ("external/compose.yaml", "services:\n  agent:\n    image: agent\n    networks: [hostnet]\nnetworks:\n  hostnet:\n    external: true\n    name: host\n"),
        ("named/compose.yaml", "services:\n  app:\n    image: app\n    networks: [front, back]\n  db:\n    image: postgres\n    networks: [back]\nnetworks:\n  front: {}\n  back: {}\n"),
        ("podman-modes/compose.yaml", """
            services:
              slirp:
                image: x
                network_mode: slirp4netns
              pasta:
                image: x
                network_mode: "pasta:-T,8080"
              private:
                image: x
                network_mode: private
              netns:
                image: x
                network_mode: "ns:/run/netns/lab"
            """),
        ("both/compose.yaml", "services:\n  web:\n    image: nginx\n    network_mode: host\n    networks: [front]\nnetworks:\n  front: {}\n"),
        ("profiles/compose.yaml", "services:\n  web:\n    image: nginx\n  debug:\n    image: busybox\n    profiles: [debug]\n    network_mode: host\n"),
    ];

    /// <summary>The decision for every fixture service; both oracles must agree with the model on each.</summary>
    private static readonly Dictionary<string, NetworkNamespaceKind> ShapeDecisions = new(StringComparer.Ordinal)
    {
        ["host/compose.yaml:web"] = NetworkNamespaceKind.Host,
        ["host/compose.yaml:db"] = NetworkNamespaceKind.NotHost,
        ["anchor/compose.yaml:airflow-webserver"] = NetworkNamespaceKind.Host,
        ["anchor/compose.yaml:airflow-scheduler"] = NetworkNamespaceKind.Host,
        ["extends/compose.yaml:worker"] = NetworkNamespaceKind.Host,
        ["override/compose.yaml:web"] = NetworkNamespaceKind.Host,
        ["interpolation/compose.yaml:web"] = NetworkNamespaceKind.Host,
        ["interpolation/compose.yaml:other"] = NetworkNamespaceKind.NotHost,
        ["joins/compose.yaml:vpn"] = NetworkNamespaceKind.Host,
        ["joins/compose.yaml:probe"] = NetworkNamespaceKind.Host,
        ["joins/compose.yaml:sidecar"] = NetworkNamespaceKind.Host,
        ["joins/compose.yaml:isolated"] = NetworkNamespaceKind.NotHost,
        ["external/compose.yaml:agent"] = NetworkNamespaceKind.Host,
        ["named/compose.yaml:app"] = NetworkNamespaceKind.NotHost,
        ["named/compose.yaml:db"] = NetworkNamespaceKind.NotHost,
        ["podman-modes/compose.yaml:slirp"] = NetworkNamespaceKind.NotHost,
        ["podman-modes/compose.yaml:pasta"] = NetworkNamespaceKind.NotHost,
        ["podman-modes/compose.yaml:private"] = NetworkNamespaceKind.NotHost,
        ["podman-modes/compose.yaml:netns"] = NetworkNamespaceKind.Unknown,
        ["both/compose.yaml:web"] = NetworkNamespaceKind.Host,
        ["profiles/compose.yaml:web"] = NetworkNamespaceKind.NotHost,
        ["profiles/compose.yaml:debug"] = NetworkNamespaceKind.Host,
    };

    /// <summary>The fixture services podman-compose 1.0.2 to 1.0.5 gives `--network host` and a second network: every own network_mode: host.</summary>
    private static readonly string[] ShapesHostWithSecondNetwork =
    [
        "host/compose.yaml:web", "anchor/compose.yaml:airflow-webserver", "anchor/compose.yaml:airflow-scheduler", "extends/compose.yaml:worker",
        "override/compose.yaml:web", "interpolation/compose.yaml:web", "joins/compose.yaml:vpn", "both/compose.yaml:web", "profiles/compose.yaml:debug",
    ];

    /// <summary>What podman 4.3.1 refuses of the fixtures' podman-compose 1.0.3 arguments (besides host plus a second network).</summary>
    private static readonly Dictionary<string, string> ShapeRefusals103 = new(StringComparer.Ordinal)
    {
        ["joins/compose.yaml:probe"] = "multiple networks with mode container:lab-vpn",
        ["joins/compose.yaml:sidecar"] = "service: is not a podman mode",
        ["joins/compose.yaml:isolated"] = "multiple networks with mode none",
        ["external/compose.yaml:agent"] = "--network-alias with mode host",
        ["podman-modes/compose.yaml:slirp"] = "multiple networks with mode slirp4netns",
        ["podman-modes/compose.yaml:pasta"] = "multiple networks with mode pasta:-T,8080",
        ["podman-modes/compose.yaml:private"] = "multiple networks with mode private",
        ["podman-modes/compose.yaml:netns"] = "multiple networks with mode ns:/run/netns/lab",
    };

    /// <summary>Fixture projects docker-compose 1.29 rejects, with the reason (the others must load).</summary>
    private static readonly Dictionary<string, string> ShapeDockerComposeRejects = new(StringComparer.Ordinal)
    {
        ["both/compose.yaml"] = "compose v1 refuses network_mode together with networks, as compose v2 does (HNL1003)",
    };

    /// <summary>
    /// Corpus services whose podman-compose decision differs from the model's, with the reason. Keyed by the project's
    /// first file and the service; the test fails when a listed difference disappears too, so the list stays true.
    /// </summary>
    private static readonly Dictionary<string, string> CorpusPodmanComposeDifferences = new(StringComparer.Ordinal)
    {
    };

    /// <summary>Corpus services whose docker-compose 1.29 decision differs from the model's, with the reason.</summary>
    private static readonly Dictionary<string, string> CorpusDockerComposeDifferences = new(StringComparer.Ordinal)
    {
    };

    [Test]
    public void Network_shapes_agree_with_podman_compose_and_it_puts_every_host_service_on_a_second_network()
    {
        using var temp = WriteShapes();
        var model = DeploymentModelBuilder.Build(temp.Path, [], ModelOptions.Default);
        var run = ComparePodmanCompose(model);

        // 1.0.6 to 1.0.x stop at Podman's own modes (slirp4netns without options, pasta, private, ns:).
        string[] rejected = RuntimeFacts.PodmanComposeUnknownModeIsFatal.Versions.Contains(run.Version)
            && !RuntimeFacts.PodmanComposePodmanNetworkModes.Versions.Contains(run.Version) ? ["podman-modes/compose.yaml"] : [];
        Assert.Multiple(() =>
        {
            Assert.That(run.Rejected.Keys, Is.EquivalentTo(rejected), $"podman-compose {run.Version} rejects: {string.Join('\n', run.Rejected)}");
            Assert.That(run.Decisions, Is.EquivalentTo(ShapeDecisions.Where(d => !rejected.Contains(d.Key.Split(':')[0])).Select(d => (d.Key, d.Value))), "podman-compose's decisions");
            Assert.That(run.Differences, Is.Empty);
            Assert.That(ModelDecisions(model), Is.EquivalentTo(ShapeDecisions.Select(d => (d.Key, d.Value))), "the model's decisions");
            if (RuntimeFacts.PodmanComposeAddsProjectNetwork.Versions.Contains(run.Version))
            {
                Assert.That(run.HostWithSecondNetwork, Is.EquivalentTo(ShapesHostWithSecondNetwork), $"podman-compose {run.Version} adds a network to every network_mode: host service");
                Assert.That(OwnHostNetworkMode(model), Is.EquivalentTo(ShapesHostWithSecondNetwork), "the model knows which services those are");
                Assert.That(run.Refusals, Is.EquivalentTo(ShapeRefusals103.Select(r => (r.Key, r.Value))));
            }
            else
            {
                Assert.That(run.HostWithSecondNetwork, Is.Empty, $"podman-compose {run.Version} gives network_mode: host services no other network");
            }
        });
    }

    [Test]
    public void Both_samples_agree_with_podman_compose_and_the_host_stack_is_the_one_it_breaks()
    {
        var deployment = ComparePodmanCompose(DeploymentModelBuilder.Build(Repository.SampleDeployment, [], ModelOptions.Default));
        var stackModel = DeploymentModelBuilder.Build(Repository.SampleAirflowStack, [], ModelOptions.Default);
        var stack = ComparePodmanCompose(stackModel);

        Assert.Multiple(() =>
        {
            Assert.That(deployment.Rejected.Concat(stack.Rejected), Is.Empty);
            Assert.That(deployment.Differences.Concat(stack.Differences), Is.Empty);
            Assert.That(deployment.Decisions.Select(d => d.Kind), Has.All.EqualTo(NetworkNamespaceKind.NotHost), "the sample deployment is the ADR's 'before': all bridge");
            Assert.That(deployment.HostWithSecondNetwork, Is.Empty);
            Assert.That(stackModel.ComposeProjects.Single().Starters.Select(s => (s.Tool, s.Subcommand?.Text)), Is.EqualTo(new[] { (ComposeTool.PodmanCompose, (string?)"up") }), "airflow-stack.service starts it with podman-compose");
            Assert.That(stack.Decisions.Count(d => d.Kind == NetworkNamespaceKind.Host), Is.GreaterThanOrEqualTo(10), "the stack is the ADR's 'after': host network");
            Assert.That(stack.HostWithSecondNetwork, RuntimeFacts.PodmanComposeAddsProjectNetwork.Versions.Contains(stack.Version)
                ? Is.EquivalentTo(OwnHostNetworkMode(stackModel)).And.Not.Empty
                : Is.Empty);
        });
    }

    [Test]
    public void Corpus_projects_podman_compose_accepts_agree_with_the_model()
    {
        var corpus = Corpus.RequireDirectory();
        var model = DeploymentModelBuilder.Build(corpus, [], ModelOptions.Default);
        var run = ComparePodmanCompose(model);
        Report("podman-compose", run);

        Assert.Multiple(() =>
        {
            Assert.That(run.Decisions, Has.Count.GreaterThan(100), "the corpus has real services to compare");
            Assert.That(run.Differences, Is.EquivalentTo(CorpusPodmanComposeDifferences.Select(d => (d.Key, d.Value))));
            if (RuntimeFacts.PodmanComposeAddsProjectNetwork.Versions.Contains(run.Version))
            {
                Assert.That(run.HostWithSecondNetwork, Is.EquivalentTo(OwnHostNetworkMode(model, run.AcceptedProjects)).And.Not.Empty);
            }
        });
    }

    [Test]
    public void Docker_compose_agrees_on_network_mode_after_merges_for_the_shapes_the_samples_and_the_corpus()
    {
        using var temp = WriteShapes();
        var shapes = CompareDockerCompose(DeploymentModelBuilder.Build(temp.Path, [], ModelOptions.Default));
        var deployment = CompareDockerCompose(DeploymentModelBuilder.Build(Repository.SampleDeployment, [], ModelOptions.Default));
        var stack = CompareDockerCompose(DeploymentModelBuilder.Build(Repository.SampleAirflowStack, [], ModelOptions.Default));
        var corpusDirectory = Corpus.RequireDirectory();
        var corpus = CompareDockerCompose(DeploymentModelBuilder.Build(corpusDirectory, [], ModelOptions.Default));
        Report("docker-compose", corpus);

        Assert.Multiple(() =>
        {
            Assert.That(shapes.Rejected.Keys, Is.EquivalentTo(ShapeDockerComposeRejects.Keys), string.Join('\n', shapes.Rejected));
            Assert.That(shapes.Decisions, Is.EquivalentTo(ShapeDecisions.Where(d => !ShapeDockerComposeRejects.ContainsKey(d.Key.Split(':')[0])).Select(d => (d.Key, d.Value))));
            Assert.That(deployment.Rejected.Concat(stack.Rejected), Is.Empty);
            Assert.That(shapes.Differences.Concat(deployment.Differences).Concat(stack.Differences), Is.Empty);
            Assert.That(corpus.Decisions, Has.Count.GreaterThan(100));
            Assert.That(corpus.Differences, Is.EquivalentTo(CorpusDockerComposeDifferences.Select(d => (d.Key, d.Value))));
        });
    }

    private static TempDirectory WriteShapes()
    {
        var temp = new TempDirectory();
        foreach (var (path, text) in ShapeFiles)
        {
            temp.Write(path, text);
        }

        return temp;
    }

    /// <summary>The model's decision for every compose service, keyed like the oracles' (first file:service).</summary>
    private static IEnumerable<(string Key, NetworkNamespaceKind Kind)> ModelDecisions(DeploymentModel model) =>
        model.ComposeProjects.SelectMany(p => p.Services.Select(s => (Key(p, s.Name), s.Namespace.Kind)));

    /// <summary>Services whose own network_mode is host (after merges and interpolation): the ones podman-compose 1.0.2-1.0.5 breaks.</summary>
    private static IEnumerable<string> OwnHostNetworkMode(DeploymentModel model, HashSet<ComposeProject>? only = null) =>
        model.ComposeProjects.Where(p => only is null || only.Contains(p))
            .SelectMany(p => p.Services.Where(s => s.NetworkMode?.Text.Trim() == "host").Select(s => Key(p, s.Name)));

    private static string Key(ComposeProject project, string service) => $"{OracleDecisions.Name(project)}:{service}";

    private static OracleRun ComparePodmanCompose(DeploymentModel model) => Compare(model, ComposeOracles.PodmanCompose, (run, project, result) =>
    {
        // Replicas print one container each; the first is the service's.
        var arguments = result.Entries.GroupBy(e => e.Service, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => PodmanNetworkArguments.Read(g.First().Data), StringComparer.Ordinal);
        foreach (var (service, args) in arguments)
        {
            var key = Key(project, service);
            if (args.CombinesHostWithAnotherNetwork)
            {
                run.HostWithSecondNetwork.Add(key);
            }
            else if (args.Refusal is { } refusal)
            {
                run.Refusals.Add((key, refusal));
            }
        }

        run.Compare(project, OracleDecisions.FromPodmanCompose(arguments), service => string.Join(' ', arguments[service].Networks.Select(n => "--network " + n)));
    });

    private static OracleRun CompareDockerCompose(DeploymentModel model) => Compare(model, ComposeOracles.DockerCompose, (run, project, result) =>
    {
        var services = result.Entries.ToDictionary(e => e.Service, e => e.Data, StringComparer.Ordinal);
        run.Compare(project, OracleDecisions.FromDockerCompose(services), service => services[service].GetRawText());
    });

    /// <summary>Runs <paramref name="oracle"/> on the model's projects; <paramref name="compare"/> reads what it made of each one it accepted.</summary>
    private static OracleRun Compare(
        DeploymentModel model,
        Func<IEnumerable<OracleProject>, (string Version, IReadOnlyDictionary<string, OracleResult> Results)> oracle,
        Action<OracleRun, ComposeProject, OracleResult> compare)
    {
        var (projects, _) = OracleDecisions.Projects(model);
        var (version, results) = oracle(projects.Select(p => p.Oracle));
        var run = new OracleRun(Version.Parse(version));
        foreach (var (project, composeProject) in projects)
        {
            var result = results.GetValueOrDefault(project.Id);
            if (result is not { Accepted: true })
            {
                run.Rejected[OracleDecisions.Name(composeProject)] = result?.Message ?? "no answer";
                continue;
            }

            run.AcceptedProjects.Add(composeProject);
            compare(run, composeProject, result);
        }

        return run;
    }

    private static void Report(string tool, OracleRun run)
    {
        TestContext.Out.WriteLine($"{tool} {run.Version}: {run.AcceptedProjects.Count} projects accepted, {run.Rejected.Count} rejected, {run.Decisions.Count} services compared, {run.Differences.Count} differences");
        foreach (var group in run.Rejected.GroupBy(r => r.Value.Split(':')[0]).OrderByDescending(g => g.Count()))
        {
            TestContext.Out.WriteLine($"  rejected ({group.Key}): {group.Count()}, e.g. {group.First().Key}: {group.First().Value}");
        }

        foreach (var key in run.HostWithSecondNetwork.Order(StringComparer.Ordinal))
        {
            TestContext.Out.WriteLine($"  host plus a second network: {key}");
        }

        foreach (var (key, refusal) in run.Refusals.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            TestContext.Out.WriteLine($"  podman 4 refuses {key}: {refusal}");
        }
    }

    /// <summary>One oracle's answers over a model: decisions per service, differences from the model, what podman 4 refuses.</summary>
    private sealed class OracleRun(Version version)
    {
        public Version Version { get; } = version;

        public HashSet<ComposeProject> AcceptedProjects { get; } = [];

        public Dictionary<string, string> Rejected { get; } = new(StringComparer.Ordinal);

        public List<(string Key, NetworkNamespaceKind Kind)> Decisions { get; } = [];

        /// <summary>Each difference as (first file:service, "model X, tool Y (what the tool printed)").</summary>
        public List<(string Key, string Difference)> Differences { get; } = [];

        public List<string> HostWithSecondNetwork { get; } = [];

        public List<(string Key, string Refusal)> Refusals { get; } = [];

        public void Compare(ComposeProject project, Dictionary<string, NetworkNamespaceKind> decisions, Func<string, string> evidence)
        {
            foreach (var service in project.Services)
            {
                var key = Key(project, service.Name);
                if (!decisions.TryGetValue(service.Name, out var kind))
                {
                    Differences.Add((key, "the tool has no such service"));
                    continue;
                }

                Decisions.Add((key, kind));
                if (kind != service.Namespace.Kind)
                {
                    Differences.Add((key, $"model {service.Namespace.Kind}, tool {kind} ({evidence(service.Name)})"));
                }
            }
        }
    }
}
