using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Rules;

[TestFixture]
public sealed class HNL2002Tests
{
    private const string Id = "HNL2002";

    [Test]
    public void Ordering_without_Wants_is_reported_at_the_libvirt_item_when_the_stack_reaches_VMs_by_address()
    {
        var diagnostics = RuleVerifier.Verify(
            Id,
            ("airflow/docker-compose.yaml", OrderingFixtures.VmAddressCompose),
            ("airflow/airflow.service", "[Unit]\nAfter=network.target [|libvirtd.service|]\n\n[Service]\nExecStart=/usr/bin/podman-compose -f /opt/airflow/docker-compose.yaml up\n"));
        Assert.Multiple(() =>
        {
            Assert.That(diagnostics[0].Message, Does.Contain("and it starts 'dag-runner', which addresses 192.168.122.116 on a VM network, which does not go through libvirt's socket"));
            Assert.That(diagnostics[0].RelatedLocations.Single().Location.Path, Is.EqualTo("airflow/docker-compose.yaml"));
            Assert.That(diagnostics[0].RelatedLocations[0].Location.LineSpan.Start.Line, Is.EqualTo(5));
        });
    }

    [TestCase("Wants=libvirtd.service")]
    [TestCase("Requires=libvirtd.service")]
    [TestCase("BindsTo=virtqemud.socket")]
    public void Any_requirement_dependency_on_libvirt_is_enough(string requirement)
    {
        RuleVerifier.Verify(
            Id,
            ("airflow/docker-compose.yaml", OrderingFixtures.VmAddressCompose),
            ("airflow/airflow.service", $"[Unit]\n{requirement}\nAfter=network.target libvirtd.service\n\n[Service]\nExecStart=/usr/bin/podman-compose -f /opt/airflow/docker-compose.yaml up\n"));
    }

    [Test]
    public void Without_any_libvirt_ordering_only_HNL2001_speaks()
    {
        RuleVerifier.Verify(
            Id,
            ("airflow/docker-compose.yaml", OrderingFixtures.VmAddressCompose),
            ("airflow/airflow.service", "[Unit]\n{|HNL2001:After|}=network-online.target\nWants=network-online.target\n\n[Service]\nExecStart=/usr/bin/podman-compose -f /opt/airflow/docker-compose.yaml up\n"));
    }

    [Test]
    public void A_stack_that_reaches_libvirt_through_its_socket_is_not_reported()
    {
        // The first connection to libvirt-sock starts libvirtd (libvirtd.socket is enabled by default): Wants= adds nothing.
        RuleVerifier.Verify(
            Id,
            ("airflow/docker-compose.yaml", OrderingFixtures.VmFacingCompose),
            ("airflow/airflow.service", "[Unit]\nAfter=network.target libvirtd.service\n\n[Service]\nExecStart=/usr/bin/podman-compose -f /opt/airflow/docker-compose.yaml up\n"));
    }

    [Test]
    public void A_host_network_quadlet_mounting_the_socket_is_not_reported()
    {
        RuleVerifier.Verify(Id, ("webui.container", """
            [Unit]
            After=network-online.target libvirtd.service
            Wants=network-online.target

            [Container]
            Image=docker.io/example/webui:latest
            Network=host
            Volume=/var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock
            """));
    }

    [TestCase("LIBVIRT_DEFAULT_URI=qemu:///system")]
    [TestCase("LIBVIRT_DEFAULT_URI=qemu+unix:///system?socket=/run/libvirt/virtqemud-sock")]
    [TestCase("KCLI_URL=qemu+ssh://root@hypervisor/system")]
    [TestCase("KCLI_URL=qemu+ssh://root@localhost/system")]
    [TestCase("KCLI_URL=qemu+tcp://hypervisor.example/system")]
    [TestCase("LIBVIRT_DEFAULT_URI")]
    [TestCase("TIER=vm-tools --label io.hostnetlint.vm-access=true")]
    public void Routes_that_do_not_need_the_local_daemon_running_are_not_reported(string environment)
    {
        RuleVerifier.Verify(Id, ("kcli.service", $"[Unit]\nAfter=network-online.target libvirtd.service\n\n[Service]\nExecStart=/usr/bin/podman run --rm --network=host -e {environment} quay.io/karmab/kcli list vm\n"));
    }

    [TestCase("LIBVIRT_DEFAULT_URI=qemu+tcp://localhost/system")]
    [TestCase("LIBVIRT_DEFAULT_URI=qemu+tls://127.0.0.1:16514/system")]
    [TestCase("LIBVIRT_DEFAULT_URI=qemu+tcp:///system")]
    [TestCase("LIBVIRT_DEFAULT_URI=qemu://[::1]/system")]
    public void TCP_and_TLS_to_the_local_daemon_need_it_listening(string environment)
    {
        RuleVerifier.Verify(Id, ("kcli.service", $"[Unit]\nAfter=network-online.target [|libvirtd.service|]\n\n[Service]\nExecStart=/usr/bin/podman run --rm --network=host -e {environment} quay.io/karmab/kcli list vm\n"));
    }

    [Test]
    public void A_unit_with_a_socket_client_and_a_VM_address_client_is_reported_with_the_address_as_evidence()
    {
        var diagnostics = RuleVerifier.Verify(Id, ("lab.service", """
            [Unit]
            After=network-online.target [|virtqemud.service|]

            [Service]
            ExecStartPre=/usr/bin/podman run --rm --network=host -v /run/libvirt:/run/libvirt quay.io/karmab/kcli start vm ipa
            ExecStart=/usr/bin/podman run --rm --network=host --name ipa-check --add-host ipa.lab:192.168.122.116 quay.io/example/check
            """));
        Assert.That(diagnostics[0].Message, Does.Contain("it starts 'ipa-check', which addresses 192.168.122.116 on a VM network"));
    }
}
