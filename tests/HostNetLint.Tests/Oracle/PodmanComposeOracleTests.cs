using HostNetLint.Model;
using HostNetLint.Model.Compose;
using HostNetLint.Model.Runtime;
using HostNetLint.Model.Workloads;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;
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

    /// <summary>
    /// Corpus services where HNL1008 (with the installed podman-compose targeted) and podman-compose's own arguments
    /// disagree, with the reason; keyed like <see cref="CorpusPodmanComposeDifferences"/>.
    /// </summary>
    private static readonly Dictionary<string, string> CorpusRuleDifferences = new(StringComparer.Ordinal)
    {
    };

    /// <summary>
    /// HNL1008's cross-check: with the installed podman-compose release targeted, the rule's errors are exactly the
    /// host-network services whose arguments podman 4 refuses (host plus a second network, or an alias without bridge).
    /// </summary>
    [Test]
    public void HNL1008_with_the_installed_release_targeted_reports_exactly_the_host_services_podman_compose_breaks_in_the_shapes_and_samples()
    {
        using var temp = WriteShapes();
        foreach (var root in new[] { temp.Path, Repository.SampleDeployment, Repository.SampleAirflowStack })
        {
            var model = DeploymentModelBuilder.Build(root, [], ModelOptions.Default);
            var run = ComparePodmanCompose(model);
            var reported = HNL1008Errors(model, run);
            Assert.That(reported, Is.EquivalentTo(run.BrokenHostServices), $"podman-compose {run.Version} over {root}");
            if (root == temp.Path && RuntimeFacts.PodmanComposeAddsProjectNetwork.Versions.Contains(run.Version))
            {
                Assert.That(reported, Is.SupersetOf(ShapesHostWithSecondNetwork).And.Contains("external/compose.yaml:agent").And.Contains("joins/compose.yaml:probe"));
            }
        }
    }

    [Test]
    public void HNL1008_with_the_installed_release_targeted_agrees_with_podman_compose_on_the_corpus()
    {
        var model = DeploymentModelBuilder.Build(Corpus.RequireDirectory(), [], ModelOptions.Default);
        var run = ComparePodmanCompose(model);
        var reported = HNL1008Errors(model, run);
        var differences = reported.Except(run.BrokenHostServices).Select(k => (k, "HNL1008 reports it, podman-compose gives it no second network"))
            .Concat(run.BrokenHostServices.Except(reported).Select(k => (k, "podman-compose breaks it, HNL1008 does not report it")))
            .ToList();
        TestContext.Out.WriteLine($"podman-compose {run.Version}: {run.BrokenHostServices.Count} host-network services broken, {reported.Count} HNL1008 errors");
        Assert.Multiple(() =>
        {
            Assert.That(differences.Select(d => d.Item1), Is.EquivalentTo(CorpusRuleDifferences.Keys), string.Join('\n', differences));
            if (RuntimeFacts.PodmanComposeAddsProjectNetwork.Versions.Contains(run.Version))
            {
                Assert.That(run.BrokenHostServices, Is.Not.Empty, "the corpus has host-network services 1.0.3 breaks");
            }
        });
    }

    /// <summary>
    /// HNL3002's renames give files compose accepts: docker-compose 1.29 refuses each misspelled file and accepts what the
    /// fix makes of it (every key renamed to is one 1.29 knows), and podman-compose then gives the renamed network_mode effect.
    /// </summary>
    [Test]
    public void HNL3002_renames_turn_files_docker_compose_refuses_into_files_it_accepts()
    {
        (string Directory, string Text)[] misspelled =
        [
            ("dash", "services:\n  web:\n    image: nginx\n    network-mode: host\n"),
            ("swap", "x-common: &common\n  image: nginx\n  netwrok_mode: host\nservices:\n  web:\n    <<: *common\n  api:\n    <<: *common\n"),
            ("flow", "services:\n  web: {image: nginx, \"networkmode\": host}\n"),
            ("several", "services:\n  web:\n    image: nginx\n    enviroment:\n      A: b\n    depends-on: [db]\n    volumns: [./a:/a]\n    port: [\"80:80\"]\n  db:\n    image: postgres\n    healthchek:\n      test: [CMD, pg_isready]\n"),
        ];
        using var temp = new TempDirectory();
        var projects = misspelled.Select((m, i) => new OracleProject("p" + i, Path.Combine(temp.Path, m.Directory), [temp.Write($"{m.Directory}/compose.yaml", m.Text)])).ToList();
        var (_, before) = ComposeOracles.DockerCompose(projects);

        var fixes = HostNetLint.Fixes.FixAllEngine.Run(temp.Path, [], HostNetLint.Fixes.FixOptions.Default with { Rules = ["HNL3002"] });
        foreach (var file in fixes.Files.Where(f => f.IsChanged))
        {
            File.WriteAllText(file.FullPath, file.NewText);
        }

        var (_, after) = ComposeOracles.DockerCompose(projects);
        var remaining = Lint.Directory(temp.Path).Where(d => d.Id == "HNL3002").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(projects.Select(p => before[p.Id].Accepted), Has.All.False, "docker-compose 1.29 refuses every misspelled file");
            Assert.That(projects.Select(p => (p.Directory, after[p.Id].Accepted, after[p.Id].Message)), Has.All.Matches<(string, bool Accepted, string)>(r => r.Accepted), "and accepts every fixed one");
            Assert.That(remaining, Is.Empty, "the fix leaves no HNL3002");
            Assert.That(after["p0"].Entries.Single().Data.GetProperty("network_mode").GetString(), Is.EqualTo("host"), "the renamed key has its effect");
        });
    }

    /// <summary>HNL1008's errors over the projects the oracle accepted, with its release targeted, keyed like the oracle's services.</summary>
    private static List<string> HNL1008Errors(DeploymentModel model, OracleRun run)
    {
        var options = LintOptions.Default with { Targets = new RuntimeTargets { PodmanCompose = run.Version } };
        var services = run.AcceptedProjects
            .SelectMany(p => p.Services.Select(s => (Project: p, Service: s)))
            .ToLookup(x => FindingPath.Of(x.Service).Value, StringComparer.Ordinal);
        var keys = new List<string>();
        foreach (var finding in LintEngine.Run(model, options).Where(d => d.Id == "HNL1008" && d.Severity == Severity.Error))
        {
            var owner = finding.LogicalPath.Value[..finding.LogicalPath.Value.LastIndexOf('/')];
            var matches = services[owner].Where(x => x.Project.Files.Any(f => f.Document.Path == finding.Location.Path) || x.Service.Location.Path == finding.Location.Path).ToList();
            if (matches.Count == 1)
            {
                keys.Add(Key(matches[0].Project, matches[0].Service.Name));
            }
            else if (!services[owner].Any())
            {
                continue;
            }
            else
            {
                Assert.Fail($"{finding} matches {matches.Count} services of the accepted projects");
            }
        }

        return keys;
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
        var decisions = OracleDecisions.FromPodmanCompose(arguments);
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

            if (decisions[service] == NetworkNamespaceKind.Host && (args.CombinesHostWithAnotherNetwork || args.Refusal is not null))
            {
                run.BrokenHostServices.Add(key);
            }
        }

        run.Compare(project, decisions, service => string.Join(' ', arguments[service].Networks.Select(n => "--network " + n)));
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

        /// <summary>Services on the host network (by the oracle's own decision) whose arguments podman 4 refuses: what HNL1008 must report.</summary>
        public List<string> BrokenHostServices { get; } = [];

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
