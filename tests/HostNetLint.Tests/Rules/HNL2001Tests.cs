using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Rules;

[TestFixture]
public sealed class HNL2001Tests
{
    private const string Id = "HNL2001";

    [Test]
    public void The_ADR_unit_running_podman_compose_on_a_VM_facing_stack_is_reported_at_its_After_line()
    {
        var diagnostics = RuleVerifier.Verify(
            Id,
            ("airflow/docker-compose.yaml", OrderingFixtures.VmFacingCompose),
            ("airflow/airflow.service", """
                [Unit]
                Description=Airflow via Podman
                [|After|]=network.target

                [Service]
                Type=simple
                ExecStart=/usr/bin/podman-compose -f /opt/airflow/docker-compose.yaml up
                ExecStop=/usr/bin/podman-compose -f /opt/airflow/docker-compose.yaml down
                Restart=always

                [Install]
                WantedBy=multi-user.target
                """));
        Assert.That(diagnostics[0].Message, Does.Contain("it starts 'airflow-webserver', which mounts the libvirt socket"));
    }

    [Test]
    public void The_ADR_fixed_unit_is_not_reported()
    {
        RuleVerifier.Verify(
            Id,
            ("airflow/docker-compose.yaml", OrderingFixtures.VmFacingCompose),
            ("airflow/airflow.service", """
                [Unit]
                Description=Airflow via Podman
                After=network.target libvirtd.service

                [Service]
                ExecStart=/usr/bin/podman-compose -f /opt/airflow/docker-compose.yaml up
                """));
    }

    [TestCase("virtqemud.socket")]
    [TestCase("libvirtd.socket")]
    [TestCase("virtqemud.service")]
    public void Modular_daemons_satisfy_the_ordering(string unit)
    {
        RuleVerifier.Verify(
            Id,
            ("airflow/docker-compose.yaml", OrderingFixtures.VmFacingCompose),
            ("airflow/airflow.service", $"[Unit]\nAfter=network-online.target {unit}\n\n[Service]\nExecStart=/usr/bin/podman-compose -f /opt/airflow/docker-compose.yaml up\n"));
    }

    private const string KcliRun = "ExecStart=/usr/bin/podman run --rm --network=host --env LIBVIRT_DEFAULT_URI quay.io/karmab/kcli list vm\n";

    [Test]
    public void A_unit_without_a_Unit_section_is_reported_at_the_start_of_the_file()
    {
        RuleVerifier.Verify(Id, ("kcli.service", "[||][Service]\nEnvironment=LIBVIRT_DEFAULT_URI=qemu:///system\n" + KcliRun));
    }

    [Test]
    public void A_unit_without_After_is_reported_at_its_Unit_header()
    {
        RuleVerifier.Verify(Id, ("kcli.service", "[|[Unit]|]\nDescription=kcli\n\n[Service]\nEnvironment=LIBVIRT_DEFAULT_URI=qemu:///system\n" + KcliRun));
    }

    [Test]
    public void A_container_that_takes_a_URI_variable_from_the_unit_is_VM_facing()
    {
        var diagnostics = RuleVerifier.Verify(Id, ("kcli.service", "[|[Unit]|]\n\n[Service]\nEnvironment=\"KCLI_URI=qemu:///system\" MODE=sync\nExecStart=/usr/bin/podman run --rm --network=host --env KCLI_URI --env MODE quay.io/karmab/kcli list vm\n"));
        Assert.That(diagnostics[0].Message, Does.Contain("it starts 'quay.io/karmab/kcli', which takes KCLI_URI from the unit's Environment= (qemu:///system)"));
    }

    [TestCase("HNL2001")]
    [TestCase("HNL2003")]
    public void A_unit_that_starts_no_container_is_not_judged_whatever_its_environment(string id)
    {
        RuleVerifier.Verify(id, ("vm.service", "[Unit]\nAfter=network.target\n\n[Service]\nEnvironment=LIBVIRT_DEFAULT_URI=qemu:///system\nExecStart=/usr/bin/virsh start vm\n"));
    }

    [Test]
    public void The_units_environment_does_not_count_for_a_container_that_does_not_take_it()
    {
        RuleVerifier.Verify(Id, ("web.service", "[Unit]\nAfter=network.target\n\n[Service]\nEnvironment=LIBVIRT_DEFAULT_URI=qemu:///system\nExecStart=/usr/bin/podman run --rm --network=host -e MODE=web nginx\n"));
    }

    [Test]
    public void A_compose_service_interpolating_the_units_variable_takes_it_from_the_unit()
    {
        var diagnostics = RuleVerifier.Verify(
            Id,
            ("kcli/compose.yaml", "services:\n  runner:\n    image: karmab/kcli\n    network_mode: host\n    environment:\n      KCLI_URI: ${VIRT_URI}\n      LITERAL: $$VIRT_URI\n"),
            ("kcli/kcli.service", "[Unit]\n[|After|]=network-online.target\n\n[Service]\nEnvironment=VIRT_URI=qemu:///system\nExecStart=/usr/bin/docker compose -f /srv/kcli/compose.yaml up\n"));
        Assert.That(diagnostics[0].Message, Does.Contain("it starts 'runner', which takes VIRT_URI from the unit's Environment= (qemu:///system)"));
    }

    [Test]
    public void An_escaped_dollar_is_not_an_interpolation()
    {
        RuleVerifier.Verify(
            Id,
            ("kcli/compose.yaml", "services:\n  runner:\n    image: karmab/kcli\n    network_mode: host\n    environment:\n      LITERAL: $$VIRT_URI\n"),
            ("kcli/kcli.service", "[Unit]\nAfter=network-online.target\n\n[Service]\nEnvironment=VIRT_URI=qemu:///system\nExecStart=/usr/bin/docker compose -f /srv/kcli/compose.yaml up\n"));
    }

    [Test]
    public void An_After_reset_in_a_drop_in_removes_the_ordering()
    {
        RuleVerifier.Verify(
            Id,
            ("airflow/docker-compose.yaml", OrderingFixtures.VmFacingCompose),
            ("airflow/airflow.service", "[Unit]\nAfter=libvirtd.service\n\n[Service]\nExecStart=/usr/bin/podman-compose -f /opt/airflow/docker-compose.yaml up\n"),
            ("airflow/airflow.service.d/10-order.conf", "[Unit]\nAfter=\n[|After|]=network-online.target\n"));
    }

    [Test]
    public void A_drop_in_can_add_the_ordering()
    {
        RuleVerifier.Verify(
            Id,
            ("airflow/docker-compose.yaml", OrderingFixtures.VmFacingCompose),
            ("airflow/airflow.service", "[Unit]\nAfter=network-online.target\n\n[Service]\nExecStart=/usr/bin/podman-compose -f /opt/airflow/docker-compose.yaml up\n"),
            ("airflow/airflow.service.d/10-libvirt.conf", "[Unit]\nAfter=libvirtd.service\n"));
    }

    [Test]
    public void Units_that_start_nothing_VM_facing_are_not_reported()
    {
        RuleVerifier.Verify(
            Id,
            ("web/compose.yaml", OrderingFixtures.PlainCompose),
            ("web/web.service", "[Unit]\nAfter=network.target\n\n[Service]\nExecStart=/usr/bin/docker compose -f /srv/web/compose.yaml up\n"),
            ("sshd-like.service", "[Unit]\nDescription=OpenSSH\n\n[Service]\nExecStart=/usr/sbin/sshd -D\n"));
    }

    [Test]
    public void A_unit_whose_compose_file_cannot_be_resolved_is_not_judged()
    {
        RuleVerifier.Verify(
            Id,
            ("airflow.service", "[Unit]\nAfter=network.target\n\n[Service]\nExecStart=/usr/bin/podman-compose -f {|HNL0004:/opt/elsewhere/docker-compose.yaml|} up\n"));
    }

    [Test]
    public void A_quadlet_running_a_VM_facing_container_is_reported()
    {
        RuleVerifier.Verify(Id, ("airflow-scheduler.container", """
            [Unit]
            Description=Airflow scheduler
            [|After|]=network-online.target

            [Container]
            Image=quay.io/qubinode/airflow:2.10.5
            Network=host
            Volume=/var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock:ro
            Exec=scheduler
            """));
    }

    [Test]
    public void A_podman_run_line_on_the_host_network_is_a_workload_of_the_unit()
    {
        RuleVerifier.Verify(Id, ("airflow.service", """
            [Unit]
            [|After|]=network-online.target

            [Service]
            ExecStartPre=/usr/bin/podman pod create --name airflow-pod --network=host
            ExecStart=/usr/bin/podman run --rm --pod airflow-pod --name airflow-scheduler \
              -v /var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock:ro \
              qubinode/airflow:latest scheduler
            """));
    }
}
