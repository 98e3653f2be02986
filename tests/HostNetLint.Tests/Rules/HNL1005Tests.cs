using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using HostNetLint.Rules.Analysis;
using HostNetLint.Rules.Engine;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Rules;

[TestFixture]
public sealed class HNL1005Tests
{
    private const string Id = "HNL1005";

    [Test]
    public void Two_bridge_services_publishing_one_host_port_clash()
    {
        var diagnostics = RuleVerifier.Verify(Id, """
            services:
              grafana:
                image: grafana/grafana
                ports: ["3000:3000"]
              dashboard:
                image: example/dashboard
                ports: [[|"3000:80"|]]
            """);
        Assert.That(diagnostics[0].Message, Does.StartWith("Workload 'dashboard' publishes host port 3000/tcp, which 'grafana' already binds"));
    }

    [Test]
    public void Host_listener_and_published_port_clash()
    {
        RuleVerifier.Verify(Id, """
            services:
              api:
                image: example/api
                network_mode: host
                command: ["serve", "--bind", "127.0.0.1:9000"]
              proxy:
                image: nginx
                ports: [[|"9000:80"|]]
            """);
    }

    [TestCase("\"5353:53/udp\"", "\"5353:53/tcp\"")]
    [TestCase("\"127.0.0.1:8080:80\"", "\"127.0.0.2:8080:80\"")]
    [TestCase("\"8080:80\"", "\"80\"")]
    public void Different_protocols_addresses_or_ephemeral_ports_do_not_clash(string first, string second)
    {
        RuleVerifier.Verify(Id, $"""
            services:
              a:
                image: nginx
                ports: [{first}]
              b:
                image: nginx
                ports: [{second}]
            """);
    }

    [Test]
    public void Ranges_clash_on_their_overlap()
    {
        RuleVerifier.Verify(Id, """
            services:
              a:
                image: nginx
                ports: ["8000-8010:8000-8010"]
              b:
                image: nginx
                ports: [[|"8005:80"|]]
            """);
    }

    [Test]
    public void Projects_in_different_directories_are_different_deployments_by_default()
    {
        RuleVerifier.Verify(
            Id,
            ("airflow/compose.yaml", AirflowWebserver),
            ("notebooks/compose.yaml", """
                services:
                  jupyter:
                    image: jupyter/base-notebook
                    ports: [{|HNL1004:"8888:8888"|}]
                """));
    }

    [Test]
    public void Projects_placed_on_one_host_clash_across_projects()
    {
        RuleVerifier.Verify(
            Id,
            OneHost("lab", "airflow", "notebooks/**"),
            ("airflow/compose.yaml", AirflowWebserver),
            ("notebooks/compose.yaml", """
                services:
                  jupyter:
                    image: jupyter/base-notebook
                    ports: [{|HNL1004:[|"8888:8888"|]|}]
                """));
    }

    [Test]
    public void Bridge_ports_of_two_projects_clash_only_when_the_projects_share_a_host()
    {
        (string, string)[] files =
        [
            ("deploy/dev/compose.yaml", "services:\n  grafana:\n    image: grafana/grafana\n    ports: [\"3000:3000\"]\n"),
            ("deploy/prod/compose.yaml", "services:\n  marquez-web:\n    image: marquezproject/marquez-web\n    ports: [\"3000:3000\"]\n"),
        ];
        RuleVerifier.Verify(Id, files);

        var diagnostics = RuleVerifier.Verify(
            Id,
            OneHost("lab", "deploy/**"),
            files[0],
            ("deploy/prod/compose.yaml", "services:\n  marquez-web:\n    image: marquezproject/marquez-web\n    ports: [[|\"3000:3000\"|]]\n"));
        Assert.That(diagnostics[0].Message, Is.EqualTo("Workload 'marquez-web' publishes host port 3000/tcp, which 'grafana' already binds (in deploy/dev/compose.yaml). Only one of them can start."));
    }

    [Test]
    public void Workloads_of_one_name_in_different_projects_are_alternatives_even_on_one_host()
    {
        var dev = "services:\n  airflow-webserver:\n    image: qubinode/airflow:2.10.4\n    network_mode: host\n    command: webserver --port 8888\n";
        var prod = "services:\n  airflow-webserver:\n    image: qubinode/airflow:2.10.5\n    network_mode: host\n    command: webserver --port 8888\n";
        RuleVerifier.Verify(Id, ("deploy/dev/compose.yaml", dev), ("deploy/prod/compose.yaml", prod));
        RuleVerifier.Verify(Id, OneHost("lab", "deploy"), ("deploy/dev/compose.yaml", dev), ("deploy/prod/compose.yaml", prod));
    }

    [Test]
    public void Services_whose_profiles_never_meet_are_alternatives()
    {
        // dev and prod variants of one UI on one port: `--profile dev` or `--profile prod` starts one of them.
        RuleVerifier.Verify(Id, """
            services:
              ui-dev:
                image: example/ui:edge
                profiles: [dev]
                ports: ["3000:3000"]
              ui-prod:
                image: example/ui:1.4
                profiles: [prod, staging]
                ports: ["3000:3000"]
            """);
    }

    [TestCase("ui-dev", "ui-prod", true)]
    [TestCase("grafana", "ui-dev", false)]
    [TestCase("ui-prod", "ui-staging", false)]
    public void Profiles_never_meet_only_when_both_have_profiles_and_share_none(string first, string second, bool expected)
    {
        // The predicate CoTenancy documents and HNL1005's profile channels implement.
        using var temp = new TempDirectory();
        temp.Write("compose.yaml", """
            services:
              grafana: {image: grafana/grafana}
              ui-dev: {image: example/ui, profiles: [dev]}
              ui-prod: {image: example/ui, profiles: [prod, staging]}
              ui-staging: {image: example/ui, profiles: [staging]}
            """);
        var workloads = HostNetLint.Model.DeploymentModelBuilder.Build(temp.Path, [], HostNetLint.Model.ModelOptions.Default).Workloads;
        Assert.That(CoTenancy.ProfilesNeverMeet(workloads.Single(w => w.Name == first), workloads.Single(w => w.Name == second)), Is.EqualTo(expected));
    }

    [Test]
    public void A_service_with_a_profile_meets_the_services_without_one_and_those_that_share_a_profile()
    {
        RuleVerifier.Verify(Id, """
            services:
              grafana:
                image: grafana/grafana
                ports: ["3000:3000"]
              debug-ui:
                image: example/ui
                profiles: [debug]
                ports: [[|"3000:80"|]]
              tracing:
                image: example/tracing
                profiles: [debug, perf]
                ports: ["9411:9411"]
              zipkin:
                image: openzipkin/zipkin
                profiles: [perf]
                ports: [[|"9411:9411"|]]
            """);
        RuleVerifier.Verify(Id, """
            services:
              debug-ui:
                image: example/ui
                profiles: [debug]
                ports: ["3000:80"]
              grafana:
                image: grafana/grafana
                ports: [[|"3000:3000"|]]
            """);
    }

    [Test]
    public void A_quadlet_in_the_project_directory_tree_is_a_co_tenant()
    {
        RuleVerifier.Verify(
            Id,
            ("airflow/compose.yaml", AirflowMcpServer),
            ("airflow/quadlets/mcp-debug.container", "[Container]\nImage=qubinode/mcp\nNetwork=host\nExec=mcp-server --port [|8889|]\n"));
    }

    [Test]
    public void A_quadlet_beside_a_unit_that_starts_the_project_is_a_co_tenant()
    {
        RuleVerifier.Verify(
            Id,
            ("airflow/compose.yaml", AirflowMcpServer),
            ("systemd/airflow.service", "[Service]\nExecStart=/usr/bin/podman-compose -f /opt/airflow/compose.yaml up\n"),
            ("systemd/mcp-debug.container", "[Container]\nImage=qubinode/mcp\nNetwork=host\nExec=mcp-server --port [|8889|]\n"));
    }

    [Test]
    public void A_podman_run_in_the_unit_that_starts_the_project_is_a_co_tenant()
    {
        RuleVerifier.Verify(
            Id,
            ("airflow/compose.yaml", AirflowMcpServer),
            ("deploy/airflow.service", """
                [Service]
                ExecStartPre=/usr/bin/podman run -d --name mcp-debug --network host qubinode/mcp mcp-server --port [|8889|]
                ExecStart=/usr/bin/podman-compose -f /opt/airflow/compose.yaml up
                """));
    }

    [Test]
    public void A_quadlet_above_exactly_one_project_is_a_co_tenant_and_above_several_is_not()
    {
        RuleVerifier.Verify(
            Id,
            ("airflow/compose.yaml", AirflowMcpServer),
            ("mcp-debug.container", "[Container]\nImage=qubinode/mcp\nNetwork=host\nExec=mcp-server --port [|8889|]\n"));

        RuleVerifier.Verify(
            Id,
            ("deploy/dev/compose.yaml", AirflowMcpServer),
            ("deploy/prod/compose.yaml", AirflowMcpServer),
            ("deploy/mcp-debug.container", "[Container]\nImage=qubinode/mcp\nNetwork=host\nExec=mcp-server --port 8889\n"));
    }

    [Test]
    public void A_quadlet_in_a_sibling_tree_is_not_a_co_tenant_by_default()
    {
        RuleVerifier.Verify(
            Id,
            ("airflow/compose.yaml", AirflowMcpServer),
            ("quadlets/mcp-debug.container", "[Container]\nImage=qubinode/mcp\nNetwork=host\nExec=mcp-server --port 8889\n"));
    }

    [Test]
    public void Quadlets_of_one_directory_are_co_tenants_and_of_two_directories_are_not()
    {
        // The later file in path order is the one reported.
        const string First = "[Container]\nImage=example/callbacks\nNetwork=host\nExec=serve --port 9000\n";
        RuleVerifier.Verify(
            Id,
            ("quadlets/callbacks.container", First),
            ("quadlets/hooks.container", "[Container]\nImage=example/hooks\nNetwork=host\nExec=serve --port [|9000|]\n"));
        RuleVerifier.Verify(
            Id,
            ("core/callbacks.container", First),
            ("edge/hooks.container", "[Container]\nImage=example/hooks\nNetwork=host\nExec=serve --port 9000\n"));
    }

    [Test]
    public void Hosts_place_a_quadlet_with_a_project_in_another_tree()
    {
        RuleVerifier.Verify(
            Id,
            OneHost("airflow-vm", "airflow/**", "quadlets/*.container"),
            ("airflow/compose.yaml", AirflowMcpServer),
            ("quadlets/mcp-debug.container", "[Container]\nImage=qubinode/mcp\nNetwork=host\nExec=mcp-server --port [|8889|]\n"));
    }

    [Test]
    public void A_unit_placed_on_another_host_is_not_a_co_tenant_even_in_the_project_directory()
    {
        var hosts = LintOptions.Default with
        {
            Hosts = ImmutableDictionary<string, ImmutableArray<string>>.Empty
                .Add("airflow-vm", ["airflow/compose.yaml"])
                .Add("debug-vm", ["airflow/*.container"]),
        };
        RuleVerifier.Verify(
            Id,
            hosts,
            ("airflow/compose.yaml", AirflowMcpServer),
            ("airflow/mcp-debug.container", "[Container]\nImage=qubinode/mcp\nNetwork=host\nExec=mcp-server --port 8889\n"));
    }

    [Test]
    public void A_project_runs_on_the_host_of_the_unit_that_starts_it()
    {
        RuleVerifier.Verify(
            Id,
            OneHost("airflow-vm", "systemd/airflow.service", "quadlets"),
            ("airflow/compose.yaml", AirflowMcpServer),
            ("systemd/airflow.service", "[Service]\nExecStart=/usr/bin/podman-compose -f /opt/airflow/compose.yaml up\n"),
            ("quadlets/mcp-debug.container", "[Container]\nImage=qubinode/mcp\nNetwork=host\nExec=mcp-server --port [|8889|]\n"));
    }

    [Test]
    public void Projects_started_by_one_unit_are_co_tenants()
    {
        RuleVerifier.Verify(
            Id,
            ("airflow/compose.yaml", AirflowMcpServer),
            ("debug/compose.yaml", "services:\n  mcp-inspector:\n    image: example/inspector\n    network_mode: host\n    command: [\"inspect\", \"--port\", [|\"8889\"|]]\n"),
            ("airflow.service", """
                [Service]
                ExecStartPre=/usr/bin/podman-compose -f /opt/debug/compose.yaml up -d
                ExecStart=/usr/bin/podman-compose -f /opt/airflow/compose.yaml up
                """));
    }

    [Test]
    public void Fifty_thousand_host_network_services_on_one_port_are_checked_in_linear_time()
    {
        var compose = new StringBuilder("services:\n");
        for (var i = 0; i < 50_000; i++)
        {
            compose.Append(CultureInfo.InvariantCulture, $"  s{i}:\n    image: example/s\n    network_mode: host\n    ports: [\"8080:8080\"]\n");
        }

        var watch = Stopwatch.StartNew();
        var diagnostics = Lint.Files(("compose.yaml", compose.ToString()));
        watch.Stop();

        Assert.Multiple(() =>
        {
            Assert.That(diagnostics.Count(d => d.Id == Id), Is.EqualTo(49_999));

            // A hang guard, not a benchmark: the quadratic version took about 250 s.
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromMinutes(1)));
        });
    }

    private const string AirflowWebserver = """
        services:
          webserver:
            image: qubinode/airflow
            network_mode: host
            command: webserver --port 8888
        """;

    private const string AirflowMcpServer = """
        services:
          airflow-mcp-server:
            image: qubinode/mcp
            network_mode: host
            command: ["mcp-server", "--port", "8889"]
        """;

    private static LintOptions OneHost(string name, params string[] globs) =>
        LintOptions.Default with { Hosts = ImmutableDictionary<string, ImmutableArray<string>>.Empty.Add(name, [.. globs]) };
}
