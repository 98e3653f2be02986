using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Rules;

[TestFixture]
public sealed class HNL1010Tests
{
    private const string Id = "HNL1010";

    [Test]
    public void PublishPort_of_a_quadlet_in_a_pod_is_refused_and_the_port_belongs_on_the_pod()
    {
        var diagnostics = RuleVerifier.Verify(
            Id,
            ("dag-notebook.container", "[Container]\nImage=quay.io/jupyter/base-notebook\nPod=airflow.pod\nPublishPort=[|127.0.0.1:8890:8888|]\nPublishPort=9090:9090\n"),
            ("airflow.pod", "[Pod]\nPodName=airflow\n"));
        var finding = diagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That(finding.Message, Is.EqualTo(
                "Container 'dag-notebook' joins pod 'airflow' and publishes 127.0.0.1:8890:8888, 9090:9090, which podman refuses (\"published or exposed ports must be defined when the pod is created\"): "
                + "the container does not start. Publish them on the pod: PublishPort= in the [Pod] section of airflow.pod."));
            Assert.That(finding.Severity, Is.EqualTo(HostNetLint.Rules.Diagnostics.Severity.Error));
            Assert.That(finding.RelatedLocations.Single().Location.Path, Is.EqualTo("airflow.pod"));
        });
    }

    [Test]
    public void A_member_of_a_host_network_pod_is_told_to_remove_the_ports_and_the_pods_own_ports_stay_HNL1002s()
    {
        var diagnostics = RuleVerifier.Verify(
            Id,
            ("web.container", "[Container]\nImage=nginx\nPod=lab.pod\nPublishPort=[|9090:80|]\n"),
            ("lab.pod", "[Pod]\nNetwork=host\nPublishPort={|HNL1002:8080:8080|}\n"));
        Assert.That(diagnostics.Single(d => d.Id == Id).Message, Does.EndWith("The pod is on the host network, where the process listens on the host's ports directly: remove them."));
    }

    [Test]
    public void Podman_run_with_a_pod_the_unit_creates_or_a_new_pod_is_reported_at_the_publish_value()
    {
        var diagnostics = RuleVerifier.Verify(Id, ("lab.service", """
            [Service]
            ExecStartPre=/usr/bin/podman pod create --name lab
            ExecStart=/usr/bin/podman run --pod lab -p [|7070:70|] img
            ExecStartPost=/usr/bin/podman run --pod new:side --publish=[|8080:80|] img
            """));
        Assert.That(diagnostics[0].Message, Does.EndWith("Publish them on the pod: podman pod create -p (or --publish)."));
    }

    [Test]
    public void A_pod_the_files_do_not_create_gets_the_benefit_of_the_doubt_and_members_without_ports_are_fine()
    {
        RuleVerifier.Verify(
            Id,
            ("a.container", "[Container]\nImage=nginx\nPod=elsewhere.pod\nPublishPort=80:80\n"),
            ("b.service", "[Service]\nExecStart=/usr/bin/podman run --pod handmade -p 81:81 img\n"),
            ("c.container", "[Container]\nImage=nginx\nPod=lab.pod\n"),
            ("lab.pod", "[Pod]\nPublishPort=8080:80\n"));
    }
}
