using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Rules;

[TestFixture]
public sealed class HNL1006Tests
{
    private const string Id = "HNL1006";

    [TestCase("command: [\"webserver\", \"--host\", [|\"0.0.0.0\"|]]")]
    [TestCase("command: [\"webserver\", \"--hostname=[|0.0.0.0|]\"]")]
    [TestCase("environment:\n      - [|AIRFLOW__WEBSERVER__WEB_SERVER_HOST=0.0.0.0|]")]
    [TestCase("command: \"gunicorn --bind [|0.0.0.0:8888|] app\"")]
    public void Wildcard_binds_on_the_host_network_are_reported(string setting)
    {
        RuleVerifier.Verify(Id, $"""
            services:
              airflow-webserver:
                image: qubinode/airflow
                network_mode: host
                {setting}
            """);
    }

    [Test]
    public void A_shared_wildcard_variable_is_reported_once_where_it_is_written()
    {
        RuleVerifier.Verify(Id, """
            x-common: &common
              image: qubinode/airflow
              network_mode: host
              environment:
                [|MCP_HOST: 0.0.0.0|]
            services:
              scheduler:
                <<: *common
              mcp:
                <<: *common
            """);
    }

    [TestCase("command: [\"webserver\", \"--host\", \"127.0.0.1\"]")]
    [TestCase("environment:\n      WEB_SERVER_HOST: 192.168.122.1")]
    public void Specific_addresses_are_fine(string setting)
    {
        RuleVerifier.Verify(Id, $"""
            services:
              airflow-webserver:
                image: qubinode/airflow
                network_mode: host
                {setting}
            """);
    }

    [Test]
    public void Bridge_workloads_are_not_checked()
    {
        RuleVerifier.Verify(Id, """
            services:
              web:
                image: nginx
                command: ["--host", "0.0.0.0"]
            """);
    }

    [Test]
    public void A_sidecar_in_a_host_network_namespace_is_checked_and_the_join_is_shown()
    {
        var diagnostics = RuleVerifier.Verify(Id, """
            services:
              api:
                image: apache/airflow
                network_mode: host
              exporter:
                image: prom/statsd-exporter
                network_mode: service:api
                environment:
                  [|EXPORTER_LISTEN: 0.0.0.0:9102|]
            """);
        var join = diagnostics[0].RelatedLocations.Single();
        Assert.Multiple(() =>
        {
            Assert.That(join.Location.Source.ToString(join.Location.Span), Is.EqualTo("service:api"));
            Assert.That(join.Message, Is.EqualTo("joins the network namespace of 'api', which is on the host network"));
        });
    }

    [Test]
    public void A_sidecar_of_a_bridge_service_is_not_checked()
    {
        RuleVerifier.Verify(Id, "services:\n  api:\n    image: apache/airflow\n  exporter:\n    image: prom/statsd-exporter\n    network_mode: service:api\n    environment:\n      EXPORTER_LISTEN: 0.0.0.0:9102\n");
    }
}
