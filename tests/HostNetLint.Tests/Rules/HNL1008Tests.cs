using HostNetLint.Model.Runtime;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Rules;

[TestFixture]
public sealed class HNL1008Tests
{
    private const string Id = "HNL1008";

    /// <summary>ADR-0043's "after": network_mode: host in the shared anchor.</summary>
    private const string AnchorCompose = """
        x-airflow-common: &airflow-common
          image: quay.io/qubinode/airflow:2.10.5
          network_mode: host
        services:
          [|airflow-webserver|]:
            <<: *airflow-common
            command: webserver
          [|airflow-scheduler|]:
            <<: *airflow-common
            command: scheduler
          postgres:
            image: postgres:16
        """;

    private const string OwnModeCompose = """
        services:
          web:
            image: nginx
            network_mode: [|host|]
          db:
            image: postgres:16
        """;

    private static readonly string Unmarked = TestMarkup.Parse(AnchorCompose).Text;

    private static LintOptions Targeting(string? podmanCompose, string? podman = null, string? compose = null) => LintOptions.Default with
    {
        Targets = new RuntimeTargets
        {
            PodmanCompose = podmanCompose is null ? null : RuntimeTargets.ParseVersion(podmanCompose),
            Podman = podman is null ? null : RuntimeTargets.ParseVersion(podman),
            Compose = compose is null ? null : RuntimeTargets.ParseVersion(compose),
        },
    };

    private static string Unit(string execStart) => $"[Unit]\nDescription=Airflow\n\n[Service]\nExecStart={execStart}\n";

    [Test]
    public void Without_a_target_a_podman_compose_unit_gets_one_note_naming_the_services_and_the_assumption()
    {
        var diagnostics = RuleVerifier.Verify(
            Id,
            ("airflow/compose.yaml", Unmarked),
            ("airflow/airflow.service", Unit("[|/usr/bin/podman-compose|] -f /opt/airflow/compose.yaml up -d")));
        var note = diagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That(note.Severity, Is.EqualTo(Severity.Note));
            Assert.That(note.Message, Does.StartWith("The host-network services 'airflow-webserver', 'airflow-scheduler' of project 'airflow' do not get the host network if 'airflow.service' runs podman-compose 1.0.2 to before 1.0.6: nothing shows which release /usr/bin/podman-compose is, so this is a note that assumes an affected one."));
            Assert.That(note.Message, Does.Contain("which podman 4.0 and later refuse"));
            Assert.That(note.Message, Does.Contain("Set targets: {podman-compose: RELEASE} in hostnetlint.yaml"));
            Assert.That(note.RelatedLocations.Select(r => (r.Location.Path, r.Location.LineSpan.Start.Line)), Is.EqualTo(new[] { ("airflow/compose.yaml", 2), ("airflow/compose.yaml", 2) }));
            Assert.That(note.LogicalPath.Value, Is.EqualTo("airflow/airflow.service/podman-compose/airflow"));
        });
    }

    [Test]
    public void An_affected_target_is_an_error_on_each_service_at_its_key_when_the_mode_comes_from_the_anchor()
    {
        var diagnostics = RuleVerifier.Verify(
            Id,
            Targeting("1.0.3"),
            ("airflow/compose.yaml", AnchorCompose),
            ("airflow/airflow.service", Unit("/usr/bin/podman-compose -f /opt/airflow/compose.yaml up -d")));
        var error = diagnostics.First(d => d.Message.Contains("'airflow-webserver'", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(diagnostics.Select(d => d.Severity), Has.All.EqualTo(Severity.Error));
            Assert.That(error.Message, Is.EqualTo(
                "Service 'airflow-webserver' does not get the host network from podman-compose 1.0.3 (targets: in hostnetlint.yaml): "
                + "with network_mode 'host' it also passes --net and --network-alias airflow-webserver for the project network, which podman 4.0 and later refuse "
                + "(\"cannot set multiple networks without bridge network mode\"): the container does not start. "
                + "podman-compose 1.0.6 fixed this (containers/podman-compose@265e0ca); with 1.0.3 no compose-file or command-line change works: "
                + "upgrade podman-compose to 1.0.6 or later, or start this container without podman-compose, from a unit that runs `podman run --network host`."));
            Assert.That(error.RelatedLocations.Select(r => r.Message), Is.EqualTo(new[]
            {
                "network_mode written here", "merged into 'airflow-webserver' here", "'airflow.service' starts it with /usr/bin/podman-compose",
            }));
            Assert.That(error.LogicalPath.Value, Is.EqualTo("airflow/airflow-webserver/network_mode"));
        });
    }

    [Test]
    public void The_message_recommends_no_workaround_the_facts_say_fails_on_the_old_release()
    {
        var error = RuleVerifier.Verify(Id, Targeting("1.0.3"), ("compose.yaml", OwnModeCompose)).Single();
        Assert.Multiple(() =>
        {
            foreach (var failing in new[] { "x-podman", "in_pod", "networks: []", "--podman-run-args", "external" })
            {
                Assert.That(error.Message, Does.Not.Contain(failing), "the facts list it among the changes that do not work on 1.0.3");
            }

            Assert.That(RuntimeFacts.PodmanComposeOldHostNetworkWorkarounds.Statement, Does.Contain("`podman run --network host`").And.Contain("1.0.6 or later"), "what the message recommends is what the fact says works");
            Assert.That(error.Message, Does.Contain("`podman run --network host`").And.Contain("1.0.6 or later"));
        });
    }

    [TestCase("1.0.2")]
    [TestCase("1.0.3")]
    [TestCase("1.0.5")]
    public void Every_release_from_1_0_2_to_1_0_5_is_affected(string release) =>
        RuleVerifier.Verify(Id, Targeting(release), ("compose.yaml", OwnModeCompose));

    [TestCase("1.0.6")]
    [TestCase("1.1.0")]
    [TestCase("1.6.0")]
    [TestCase("0.1.11")]
    public void Releases_outside_the_range_are_not_reported(string release) =>
        RuleVerifier.Verify(Id, Targeting(release), ("compose.yaml", TestMarkup.Parse(OwnModeCompose).Text));

    [Test]
    public void A_project_docker_compose_starts_is_not_reported_even_with_an_affected_target() =>
        RuleVerifier.Verify(
            Id,
            Targeting("1.0.3"),
            ("airflow/compose.yaml", Unmarked),
            ("airflow/airflow.service", Unit("/usr/bin/docker compose -f /opt/airflow/compose.yaml up -d")));

    [Test]
    public void A_project_no_unit_starts_is_taken_to_run_with_the_targeted_podman_compose_unless_compose_is_targeted_too()
    {
        RuleVerifier.Verify(Id, Targeting("1.0.3"), ("compose.yaml", OwnModeCompose));
        RuleVerifier.Verify(Id, Targeting("1.0.3", compose: "2.29"), ("compose.yaml", TestMarkup.Parse(OwnModeCompose).Text));
        RuleVerifier.Verify(Id, ("compose.yaml", TestMarkup.Parse(OwnModeCompose).Text));
    }

    [TestCase("--in-pod=1")]
    [TestCase("--pod-args=--infra=false")]
    [TestCase("--env-file /etc/airflow.env")]
    [TestCase("--profile lab")]
    public void A_unit_option_older_releases_refuse_shows_a_fixed_release_with_or_without_a_target(string option)
    {
        var unit = Unit($"/usr/bin/podman-compose {option} -f /opt/airflow/compose.yaml up -d");
        RuleVerifier.Verify(Id, ("airflow/compose.yaml", Unmarked), ("airflow/airflow.service", unit));
        RuleVerifier.Verify(Id, Targeting("1.0.3"), ("airflow/compose.yaml", Unmarked), ("airflow/airflow.service", unit));
    }

    [Test]
    public void With_podman_3_targeted_the_container_starts_on_the_project_network_instead()
    {
        var error = RuleVerifier.Verify(Id, Targeting("1.0.3", podman: "3.4.4"), ("compose.yaml", OwnModeCompose)).Single();
        Assert.That(error.Message, Does.Contain("and podman 3.4.4 lets that later network win: the container starts on the project network, not the host's."));
    }

    [Test]
    public void A_quadlet_is_offered_only_when_the_targeted_podman_has_quadlets()
    {
        var old = RuleVerifier.Verify(Id, Targeting("1.0.3", podman: "4.3.1"), ("compose.yaml", OwnModeCompose)).Single();
        var quadlets = RuleVerifier.Verify(Id, Targeting("1.0.3", podman: "4.4.0"), ("compose.yaml", OwnModeCompose)).Single();
        Assert.Multiple(() =>
        {
            Assert.That(old.Message, Does.Not.Contain("quadlet"));
            Assert.That(quadlets.Message, Does.EndWith("`podman run --network host`, or a .container quadlet with Network=host."));
        });
    }

    [Test]
    public void A_unit_that_starts_named_services_is_about_those_alone()
    {
        const string Compose = """
            services:
              web:
                image: nginx
                network_mode: [|host|]
              agent:
                image: agent
                network_mode: host
            """;
        RuleVerifier.Verify(Id, Targeting("1.0.3"), ("lab/compose.yaml", Compose), ("lab/lab.service", Unit("/usr/bin/podman-compose -f /opt/lab/compose.yaml up -d web")));
    }

    [Test]
    public void A_service_that_joins_a_host_service_is_affected_and_1_0_3_passes_service_colon_unchanged()
    {
        var diagnostics = RuleVerifier.Verify(Id, Targeting("1.0.3"), ("compose.yaml", """
            services:
              vpn:
                image: gluetun
                network_mode: [|host|]
              sidecar:
                image: busybox
                network_mode: [|"service:vpn"|]
              db:
                image: postgres:16
                network_mode: none
            """));
        Assert.That(diagnostics.Single(d => d.Message.Contains("'sidecar'", StringComparison.Ordinal)).Message, Does.Contain("It also passes 'service:vpn' to podman unchanged, which podman refuses as well."));
    }

    [TestCase("1.0.3", "with 1.0.3 no compose-file change works: upgrade podman-compose to 1.3.0 or later (or to 1.0.6 and write network_mode: host)")]
    [TestCase("1.2.0", "write network_mode: host instead (podman-compose 1.0.6 and later give it no other network), or upgrade podman-compose to 1.3.0 or later")]
    public void An_external_network_named_host_gets_an_alias_before_1_3_0(string release, string remedy)
    {
        var error = RuleVerifier.Verify(Id, Targeting(release), ("compose.yaml", """
            services:
              agent:
                image: agent
                networks: [[|hostnet|]]
            networks:
              hostnet:
                external: true
                name: host
            """)).Single();
        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Contain("on the external network 'hostnet' (named host) it gets --net host with --network-alias agent, which podman 4.3.1 and later refuse"));
            Assert.That(error.Message, Does.Contain(remedy));
            Assert.That(error.LogicalPath.Value, Does.EndWith("/agent/networks"));
        });
    }

    [TestCase("1.3.0", null)]
    [TestCase("1.2.0", "4.0")]
    public void An_external_host_network_is_fine_from_1_3_0_and_with_a_podman_not_known_to_refuse_the_alias(string release, string? podman) =>
        RuleVerifier.Verify(Id, Targeting(release, podman), ("compose.yaml", "services:\n  agent:\n    image: agent\n    networks: [hostnet]\nnetworks:\n  hostnet:\n    external: true\n    name: host\n"));

    [Test]
    public void An_option_that_shows_1_1_0_leaves_the_external_network_case_a_note_that_says_so()
    {
        var note = RuleVerifier.Verify(
            Id,
            ("agent/compose.yaml", "services:\n  agent:\n    image: agent\n    networks: [hostnet]\nnetworks:\n  hostnet:\n    external: true\n    name: host\n"),
            ("agent/agent.service", Unit("[|podman-compose|] --profile lab -f /opt/agent/compose.yaml up -d"))).Single();
        Assert.Multiple(() =>
        {
            Assert.That(note.Severity, Is.EqualTo(Severity.Note));
            Assert.That(note.Message, Does.Contain("nothing shows which release podman-compose is beyond at least 1.1.0 (its --profile needs that)"));
            Assert.That(note.Message, Does.Contain("releases before 1.3.0 give a service on an external network named host a --network-alias"));
        });
    }

    [Test]
    public void Configuration_overrides_the_finding_default_and_default_restores_it()
    {
        static Severity SeverityWith(LintOptions options) =>
            Lint.Files(options, ("airflow/compose.yaml", Unmarked), ("airflow/airflow.service", Unit("/usr/bin/podman-compose -f /opt/airflow/compose.yaml up -d")))
                .Single(d => d.Id == Id).Severity;

        var overrides = System.Collections.Immutable.ImmutableDictionary<string, Severity>.Empty;
        Assert.Multiple(() =>
        {
            Assert.That(SeverityWith(LintOptions.Default), Is.EqualTo(Severity.Note));
            Assert.That(SeverityWith(LintOptions.Default with { SeverityOverrides = overrides.Add(Id, Severity.Warning) }), Is.EqualTo(Severity.Warning));
            Assert.That(SeverityWith(LintOptions.Default with { SeverityOverrides = overrides.Add(Id, Severity.Error) }), Is.EqualTo(Severity.Error));
            Assert.That(SeverityWith(LintOptions.Default with { SeverityOverrides = overrides.Add(Id, Severity.Default) }), Is.EqualTo(Severity.Note), "default is the finding's own, not the descriptor's error");
            Assert.That(Definition.DefaultSeverity, Is.EqualTo(Severity.Error));
        });
    }

    [Test]
    public void A_bridge_service_is_never_reported() =>
        RuleVerifier.Verify(Id, Targeting("1.0.3"), ("compose.yaml", "services:\n  web:\n    image: nginx\n    ports: [\"8080:80\"]\n"));

    private static RuleDescriptor Definition => HostNetLint.Rules.Networking.HNL1008PodmanComposeAddsSecondNetwork.Definition;
}
