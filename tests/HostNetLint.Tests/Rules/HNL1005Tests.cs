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
    public void Clashes_are_found_across_compose_projects()
    {
        RuleVerifier.Verify(
            Id,
            ("airflow/compose.yaml", """
                services:
                  webserver:
                    image: qubinode/airflow
                    network_mode: host
                    command: webserver --port 8888
                """),
            ("notebooks/compose.yaml", """
                services:
                  jupyter:
                    image: jupyter/base-notebook
                    ports: [{|HNL1004:[|"8888:8888"|]|}]
                """));
    }

    [Test]
    public void Bridge_services_of_different_projects_may_describe_different_hosts()
    {
        RuleVerifier.Verify(
            Id,
            ("lab-a/compose.yaml", "services:\n  web:\n    image: nginx\n    ports: [\"8080:80\"]\n"),
            ("lab-b/compose.yaml", "services:\n  web:\n    image: nginx\n    ports: [\"8080:80\"]\n"));
    }

    [Test]
    public void A_compose_service_and_a_quadlet_on_the_host_network_clash()
    {
        RuleVerifier.Verify(
            Id,
            ("airflow/compose.yaml", """
                services:
                  airflow-mcp-server:
                    image: qubinode/mcp
                    network_mode: host
                    command: ["mcp-server", "--port", "8889"]
                """),
            ("quadlets/mcp-debug.container", "[Container]\nImage=qubinode/mcp\nNetwork=host\nExec=mcp-server --port [|8889|]\n"));
    }
}
