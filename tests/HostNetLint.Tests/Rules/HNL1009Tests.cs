using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Rules;

[TestFixture]
public sealed class HNL1009Tests
{
    private const string Id = "HNL1009";

    [Test]
    public void Network_mode_and_ports_at_the_top_level_are_reported_at_the_key_and_top_level_networks_is_not()
    {
        var diagnostics = RuleVerifier.Verify(Id, """
            [|network_mode|]: host
            [|ports|]:
              - "8888:8888"
            services:
              airflow-scheduler:
                image: quay.io/qubinode/airflow:2.10.5
                networks: [back]
            networks:
              back: {}
            """);
        Assert.Multiple(() =>
        {
            Assert.That(diagnostics[0].Message, Is.EqualTo("'network_mode' at the top level of the file applies to no service: compose refuses it and podman-compose ignores it. Write it in each service that needs it (or in an x- block they merge)."));
            Assert.That(diagnostics.Select(d => d.LogicalPath.Value), Is.EquivalentTo(new[] { "compose.yaml/network_mode", "compose.yaml/ports" }));
        });
    }

    [Test]
    public void Networking_keys_under_deploy_are_reported_also_when_deploy_comes_from_an_anchor_once()
    {
        var diagnostics = RuleVerifier.Verify(Id, """
            x-deploy: &deploy
              deploy:
                [|network_mode|]: host
                replicas: 1
            services:
              web:
                <<: *deploy
                image: nginx
              api:
                <<: *deploy
                image: nginx
                deploy:
                  [|ports|]: ["80:80"]
                  resources:
                    limits: {cpus: "0.5"}
            """);
        Assert.That(diagnostics.Select(d => d.Message), Does.Contain("'ports' under deploy: of 'api' is not read: compose refuses it and podman-compose ignores it, so 'api' does not get it. Move it up, directly under the service."));
    }

    [TestCase("host", "To use the host's network, write network_mode: host.")]
    [TestCase("back", "Write networks: [back].")]
    public void Networks_given_as_a_string_is_reported_with_the_form_compose_takes(string network, string remedy)
    {
        var diagnostics = RuleVerifier.Verify(Id, $"""
            services:
              web:
                image: nginx
                [|networks|]: {network}
            networks:
              back: {"{}"}
            """);
        Assert.That(diagnostics.Single().Message, Is.EqualTo($"networks: of 'web' is the string '{network}': compose refuses it (networks: takes a list or a mapping). {remedy}"));
    }

    [Test]
    public void Ports_in_an_anchored_block_no_service_merges_are_reported_and_merged_or_unanchored_ones_are_not()
    {
        var diagnostics = RuleVerifier.Verify(Id, """
            x-unused: &unused
              [|ports|]: ["8888:8888"]
            x-used: &used
              ports: ["9000:9000"]
            x-through: &through
              ports: ["9100:9100"]
            x-chain: &chain
              <<: *through
              image: nginx
            x-template: &template
              image: nginx
              ports: ["9200:9200"]
            x-other-tool:
              ports: ["9300:9300"]
            services:
              a:
                <<: *used
                image: nginx
              b:
                <<: [*chain]
              c: *template
            """);
        Assert.That(diagnostics.Single().Message, Is.EqualTo("ports: in 'x-unused' reach no service: no service merges &unused, so nothing publishes these ports. Merge it into the services that need them (<<: *unused), or remove it."));
    }

    [Test]
    public void An_override_file_is_checked_too()
    {
        RuleVerifier.Verify(
            Id,
            ("compose.yaml", "services:\n  web:\n    image: nginx\n"),
            ("compose.override.yaml", "services:\n  web:\n    deploy:\n      [|network_mode|]: host\n"));
    }

    [Test]
    public void Service_level_keys_in_their_place_are_fine()
    {
        RuleVerifier.Verify(Id, """
            services:
              web:
                image: nginx
                network_mode: host
                deploy:
                  replicas: 2
              db:
                image: postgres:16
                networks:
                  back:
                    aliases: [database]
                ports: ["5432:5432"]
            networks:
              back: {}
            """);
    }
}
