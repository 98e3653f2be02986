using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Rules;

[TestFixture]
public sealed class HNL1002Tests
{
    private const string Id = "HNL1002";

    [Test]
    public void Ports_on_a_host_network_service_are_reported_at_the_ports_key()
    {
        var diagnostics = RuleVerifier.Verify(Id, """
            services:
              airflow-webserver:
                image: qubinode/airflow
                network_mode: host
                [|ports|]:
                  - "8888:8080"
            """);
        Assert.That(diagnostics[0].Message, Does.StartWith("Published ports of 'airflow-webserver' are discarded"));
    }

    [Test]
    public void Ports_under_an_external_host_network_are_reported()
    {
        RuleVerifier.Verify(Id, """
            services:
              web:
                image: nginx
                networks: [hostnet]
                [|ports|]: ["80:80"]
            networks:
              hostnet:
                name: host
                external: true
            """);
    }

    [Test]
    public void Ports_merged_from_an_anchor_are_reported_at_the_service()
    {
        var diagnostics = RuleVerifier.Verify(Id, """
            x-web: &web
              ports:
                - "8888:8888"
            services:
              [|webserver|]:
                <<: *web
                network_mode: host
            """);
        Assert.That(diagnostics[0].RelatedLocations[0].Location.LineSpan.Start.Line, Is.EqualTo(1));
    }

    [Test]
    public void Ports_on_a_bridge_service_are_fine()
    {
        RuleVerifier.Verify(Id, """
            services:
              web:
                image: nginx
                ports: ["8080:80"]
            """);
    }

    [Test]
    public void PublishPort_of_a_host_network_quadlet_is_reported()
    {
        var diagnostics = RuleVerifier.Verify(Id, ("webserver.container", "[Container]\nImage=quay.io/qubinode/airflow:2.10.5\nNetwork=host\nPublishPort=[|8888:8080|]\n"));
        Assert.That(diagnostics[0].Message, Does.EndWith("remove the published ports."));
    }

    [Test]
    public void Ports_of_a_workload_that_joins_a_host_namespace_are_refused_not_discarded_so_not_reported()
    {
        RuleVerifier.Verify(Id, """
            services:
              scheduler:
                image: qubinode/airflow
                network_mode: host
              exporter:
                image: prom/statsd-exporter
                network_mode: service:scheduler
                ports: ["9102:9102"]
            """);
    }

    [Test]
    public void Ports_of_a_host_network_pod_are_reported_and_its_members_ports_are_not()
    {
        RuleVerifier.Verify(
            Id,
            ("lab.pod", "[Pod]\nNetwork=host\nPublishPort=[|8080:8080|]\n"),
            ("web.container", "[Container]\nImage=nginx\nPod=lab.pod\nPublishPort=9090:80\n"),
            ("extra.service", "[Service]\nExecStart=/usr/bin/podman run --pod systemd-lab -p 7070:70 img\n"));
    }

    [Test]
    public void HNL1002_removes_ports_with_its_items_comments_and_inline_comment()
    {
        RuleVerifier.VerifyFix(
            Id,
            """
            services:
              web:
                image: nginx
                network_mode: host
                # published for the UI
                [|ports|]:
                  - "8888:8080"   # UI
                  # - "9999:9999"
                command: serve
            """,
            """
            services:
              web:
                image: nginx
                network_mode: host
                command: serve
            """);
    }

    [Test]
    public void HNL1002_in_a_flow_mapping_removes_the_entry_and_its_comma() =>
        RuleVerifier.VerifyFix(Id, "services:\n  web: { image: nginx, [|ports|]: [\"80:80\"], network_mode: host }\n", "services:\n  web: { image: nginx, network_mode: host }\n");

    [Test]
    public void HNL1002_ports_in_an_anchor_shared_with_a_bridge_service_is_not_fixed()
    {
        const string Markup = """
            x-common: &common
              image: nginx
              ports:
                - "80:80"
            services:
              [|web|]:
                <<: *common
                network_mode: host
              other:
                <<: *common
            """;
        RuleVerifier.VerifyFix(Id, Markup, TestMarkup.Parse(Markup).Text);
    }
}
