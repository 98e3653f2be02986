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

    [Test]
    public void HNL1003_removes_networks_of_a_host_network_service_with_CRLF() =>
        RuleVerifier.VerifyFix(
            Id,
            "services:\r\n  web:\r\n    image: nginx\r\n    network_mode: host\r\n    [|networks|]:\r\n      - front\r\n    command: x\r\n",
            "services:\r\n  web:\r\n    image: nginx\r\n    network_mode: host\r\n    command: x\r\n");

    [Test]
    public void HNL1003_is_not_fixed_for_a_network_mode_other_than_host()
    {
        const string Markup = "services:\n  db:\n    image: postgres\n  web:\n    image: nginx\n    network_mode: service:db\n    [|networks|]:\n      - front\n";
        RuleVerifier.VerifyFix(Id, Markup, TestMarkup.Parse(Markup).Text);
    }
}
