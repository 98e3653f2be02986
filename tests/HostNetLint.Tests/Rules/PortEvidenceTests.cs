using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Rules;

/// <summary>
/// The rows of the port-variable table in rules/HNL1004.md and rules/HNL1005.md: when a variable is a client
/// setting (the address of something the workload calls) and when it still counts as a listener.
/// HNL1004 on the reserved port 8888 isolates a row (no other evidence for the port exists); HNL1005 shows the
/// rows that need a second workload.
/// </summary>
[TestFixture]
public sealed class PortEvidenceTests
{
    [Test]
    public void A_port_beside_a_host_of_the_same_prefix_is_the_address_of_a_service_to_call()
    {
        RuleVerifier.Verify("HNL1004", """
            services:
              lineage-web:
                image: marquezproject/marquez-web
                network_mode: host
                environment:
                  MARQUEZ_HOST: marquez.lab.internal
                  MARQUEZ_PORT: 8888
              metrics-bridge:
                image: example/metrics-bridge
                network_mode: host
                environment:
                  - PUSH_SERVER=gateway.lab.internal
                  - PUSH_PORT=8888
                  - NOTEBOOK_HOSTNAME
                  - NOTEBOOK_PORT=8888
            """);
    }

    [Test]
    public void A_wildcard_host_beside_the_port_is_where_a_server_binds_so_the_port_counts()
    {
        var diagnostics = RuleVerifier.Verify("HNL1004", """
            services:
              notebook:
                image: jupyter/base-notebook
                network_mode: host
                environment:
                  NOTEBOOK_HOST: 0.0.0.0
                  [|NOTEBOOK_PORT: 8888|]
            """);
        Assert.That(diagnostics[0].Message, Is.EqualTo("Port 8888 is reserved for the Airflow webserver but 'notebook' is set to listen on it by variable NOTEBOOK_PORT (in its own definition). Move 'notebook' to another port or rename the owner in reservedPorts."));
    }

    [TestCase("AIRFLOW_DB_PORT")]
    [TestCase("DATABASE_PORT")]
    [TestCase("PROXY_UPSTREAM_PORT")]
    [TestCase("REMOTE_PORT")]
    public void A_name_that_says_the_far_end_is_remote_is_a_client_setting(string name)
    {
        RuleVerifier.Verify("HNL1004", $"""
            services:
              proxy:
                image: example/proxy
                network_mode: host
                environment:
                  {name}: 8888
            """);
    }

    [TestCase("VAULT_ADDR: http://127.0.0.1:8888")]
    [TestCase("LINEAGE_ADDRESS: https://localhost:8888/api/v1")]
    [TestCase("OPENLINEAGE_URL: http://localhost:8888")]
    [TestCase("JUPYTER_URI: localhost:8888")]
    [TestCase("METADATA_DSN: localhost:8888")]
    [TestCase("SEARCH_ENDPOINT: 127.0.0.1:8888")]
    public void A_URL_or_a_URL_like_name_is_a_client_setting(string variable) =>
        RuleVerifier.Verify("HNL1004", DagProcessorWith(variable));

    [TestCase("JUPYTER_ADDR: jupyter:8888")]
    [TestCase("JUPYTER_ADDRESS: 192.168.122.15:8888")]
    public void An_address_of_another_machine_or_container_is_a_client_setting(string variable) =>
        RuleVerifier.Verify("HNL1004", DagProcessorWith(variable));

    [TestCase("LISTEN_ADDRESS: 127.0.0.1:8888")]
    [TestCase("BIND_ADDR: 0.0.0.0:8888")]
    [TestCase("NOTEBOOK_ADDRESS: \":8888\"")]
    public void An_address_on_this_host_is_a_listener(string variable)
    {
        RuleVerifier.Verify("HNL1004", $"""
            services:
              notebook:
                image: jupyter/base-notebook
                network_mode: host
                environment:
                  [|{variable}|]
            """);
    }

    [Test]
    public void The_same_variable_and_port_in_several_workloads_is_shared_configuration()
    {
        RuleVerifier.Verify("HNL1004", """
            services:
              airflow-scheduler:
                image: qubinode/airflow
                network_mode: host
                command: scheduler
                environment:
                  AIRFLOW__WEBSERVER__WEB_SERVER_PORT: 8888
              airflow-triggerer:
                image: qubinode/airflow
                network_mode: host
                command: triggerer
                environment:
                  - AIRFLOW__WEBSERVER__WEB_SERVER_PORT=8888
            """);
    }

    [Test]
    public void PORT_is_read_by_each_program_for_itself_so_it_is_never_shared_configuration()
    {
        RuleVerifier.Verify("HNL1005", """
            services:
              hooks:
                image: example/hooks
                network_mode: host
                environment:
                  PORT: 8080
              callbacks:
                image: example/callbacks
                network_mode: host
                environment:
                  [|PORT: 8080|]
            """);
    }

    [Test]
    public void A_port_a_co_tenant_listens_on_strongly_is_the_address_of_that_co_tenant()
    {
        // The Airflow deployment that started this: the UI calls the API on 5001 and serves on WEB_PORT.
        RuleVerifier.Verify("HNL1005", """
            services:
              marquez:
                image: marquezproject/marquez:0.50.0
                network_mode: host
                command: ["--port", "5001"]
              marquez-web:
                image: marquezproject/marquez-web:0.50.0
                network_mode: host
                environment:
                  MARQUEZ_PORT: 5001
                  WEB_PORT: 3000
              openlineage-proxy:
                image: example/openlineage-proxy
                network_mode: host
                environment:
                  LINEAGE_PORT: 5001
            """);
    }

    [Test]
    public void A_strong_claim_in_another_deployment_does_not_make_a_variable_a_client_setting()
    {
        RuleVerifier.Verify(
            "HNL1004",
            ("dev/compose.yaml", """
                services:
                  airflow-webserver:
                    image: qubinode/airflow
                    network_mode: host
                    command: webserver --port 8888
                """),
            ("prod/compose.yaml", """
                services:
                  notebook:
                    image: jupyter/base-notebook
                    network_mode: host
                    environment:
                      [|NOTEBOOK_PORT: 8888|]
                """));
    }

    [Test]
    public void Two_variables_that_nothing_contradicts_clash_and_the_message_names_both()
    {
        var diagnostics = RuleVerifier.Verify("HNL1005", """
            services:
              grafana:
                image: grafana/grafana:11.3.0
                network_mode: host
                environment:
                  GF_SERVER_HTTP_PORT: 3000
              marquez-web:
                image: marquezproject/marquez-web:0.50.0
                network_mode: host
                environment:
                  [|WEB_PORT: 3000|]
            """);
        Assert.That(diagnostics[0].Message, Is.EqualTo("Workload 'marquez-web' is set to listen on host port 3000/tcp by variable WEB_PORT, which 'grafana' already binds (by variable GF_SERVER_HTTP_PORT in this file). Only one of them can start."));
    }

    /// <summary>A host-network service with one environment entry and no other evidence for any port.</summary>
    private static string DagProcessorWith(string variable) => $"""
        services:
          dag-processor:
            image: qubinode/airflow
            network_mode: host
            environment:
              {variable}
        """;
}
