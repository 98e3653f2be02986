using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Rules;

[TestFixture]
public sealed class HNL1003Tests
{
    private const string Id = "HNL1003";

    [Test]
    public void Networks_beside_network_mode_are_reported_at_the_networks_key()
    {
        RuleVerifier.Verify(Id, """
            services:
              scheduler:
                image: qubinode/airflow
                network_mode: host
                [|networks|]:
                  - airflow-net
            networks:
              airflow-net: {}
            """);
    }

    [Test]
    public void Network_mode_from_an_anchor_with_networks_in_the_service_is_reported()
    {
        RuleVerifier.Verify(Id, """
            x-common: &common
              network_mode: host
            services:
              scheduler:
                <<: *common
                image: qubinode/airflow
                [|networks|]: [airflow-net]
            networks:
              airflow-net: {}
            """);
    }

    [Test]
    public void Either_alone_is_fine()
    {
        RuleVerifier.Verify(Id, """
            services:
              a:
                image: nginx
                network_mode: host
              b:
                image: nginx
                networks: [front]
            networks:
              front: {}
            """);
    }
}
