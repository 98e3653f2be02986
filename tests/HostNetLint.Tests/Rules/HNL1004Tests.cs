using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Rules;

[TestFixture]
public sealed class HNL1004Tests
{
    private const string Id = "HNL1004";

    [Test]
    public void Host_network_listener_on_the_webserver_port_is_reported_at_the_argument()
    {
        var diagnostics = RuleVerifier.Verify(Id, """
            services:
              airflow-webserver:
                image: qubinode/airflow
                network_mode: host
                command: ["webserver", "--port", "8888"]
              jupyter:
                image: jupyter/base-notebook
                network_mode: host
                command: ["start-notebook.sh", "--port", [|"8888"|]]
            """);
        Assert.That(diagnostics[0].Message, Is.EqualTo("Port 8888 is reserved for the Airflow webserver but 'jupyter' listens on it (in its own definition). Move 'jupyter' to another port or rename the owner in reservedPorts."));
    }

    [Test]
    public void Published_port_of_a_bridge_service_is_reported()
    {
        RuleVerifier.Verify(Id, """
            services:
              grafana:
                image: grafana/grafana
                ports:
                  - [|"8889:3000"|]
            """);
    }

    [Test]
    public void Owners_may_use_their_ports()
    {
        RuleVerifier.Verify(Id, """
            services:
              airflow-webserver:
                image: qubinode/airflow
                network_mode: host
                command: webserver --port 8888
              airflow-mcp-server:
                image: qubinode/mcp
                network_mode: host
                command: ["mcp-server", "--port=8889"]
            """);
    }

    [Test]
    public void A_port_variable_in_a_shared_anchor_is_configuration_not_a_listener()
    {
        RuleVerifier.Verify(Id, """
            x-airflow-common: &airflow-common
              image: qubinode/airflow
              network_mode: host
              environment:
                AIRFLOW_MCP_PORT: 8889
            services:
              airflow-scheduler:
                <<: *airflow-common
                command: scheduler
              airflow-triggerer:
                <<: *airflow-common
                command: triggerer
            """);
    }

    [Test]
    public void A_port_variable_owned_by_one_workload_counts()
    {
        RuleVerifier.Verify(Id, """
            services:
              notebook:
                image: jupyter/base-notebook
                network_mode: host
                environment:
                  - [|NOTEBOOK_PORT=8888|]
            """);
    }
}
