using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Rules;

[TestFixture]
public sealed class HNL1007Tests
{
    private const string Id = "HNL1007";

    [TestCase("[|hostnet|]")]
    [TestCase("[|service:databse|]")]
    [TestCase("[|\"Host\"|]")]
    [TestCase("[|\"ns:\"|]")]
    [TestCase("[|\"container:\"|]")]
    [TestCase("[|host:eth0|]")]
    [TestCase("[|privat|]")]
    [TestCase("[|slirp4netnsx|]")]
    public void Unknown_modes_and_services_are_reported_at_the_value(string mode)
    {
        RuleVerifier.Verify(Id, $"""
            services:
              database:
                image: postgres:16
              web:
                image: nginx
                network_mode: {mode}
            """);
    }

    [TestCase("host")]
    [TestCase("none")]
    [TestCase("bridge")]
    [TestCase("service:database")]
    [TestCase("container:abc123")]
    [TestCase("slirp4netns:port_handler=slirp4netns")]
    [TestCase("pasta")]
    [TestCase("pasta:-T,8080")]
    [TestCase("slirp4netns")]
    [TestCase("private")]
    [TestCase("bridge:ip=10.88.0.5")]
    [TestCase("ns:/run/netns/vm")]
    [TestCase("${NETWORK_MODE}")]
    public void Modes_compose_or_podman_accept_are_fine(string mode)
    {
        RuleVerifier.Verify(Id, $"""
            services:
              database:
                image: postgres:16
              web:
                image: nginx
                network_mode: "{mode}"
            """);
    }

    [Test]
    public void Podman_user_networks_are_not_compose_modes()
    {
        RuleVerifier.Verify(Id, ("web.service", "[Service]\nExecStart=/usr/bin/podman run --rm --network airflow-net docker.io/library/nginx\n"));
    }
}
