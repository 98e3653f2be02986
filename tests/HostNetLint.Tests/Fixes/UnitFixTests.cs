using HostNetLint.Tests.Rules;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Fixes;

/// <summary>
/// Fix-all over units, where one rule's fix brings up another's (HNL2001's After=libvirtd.service makes an
/// HNL2002 finding whose fix adds Wants=), byte for byte. Each rule's own fix is tested in its HNLxxxxTests.
/// </summary>
[TestFixture]
public sealed class UnitFixTests
{
    private const string AdrUnit = """
        # /etc/systemd/system/airflow.service
        [Unit]
        Description=Airflow via Podman
        After=network.target

        [Service]
        Type=simple
        ExecStart=/usr/bin/podman-compose -f /opt/airflow/docker-compose.yaml up
        Restart=always

        [Install]
        WantedBy=multi-user.target

        """;

    private const string AdrUnitFixed = """
        # /etc/systemd/system/airflow.service
        [Unit]
        Description=Airflow via Podman
        After=network-online.target libvirtd.service
        Wants=network-online.target libvirtd.service

        [Service]
        Type=simple
        ExecStart=/usr/bin/podman-compose -f /opt/airflow/docker-compose.yaml up
        Restart=always

        [Install]
        WantedBy=multi-user.target

        """;

    [Test]
    public void Fix_all_turns_the_ADR_unit_into_the_fixed_one_and_a_second_pass_is_a_no_op()
    {
        Assert.That(FixUnit(AdrUnit), Is.EqualTo(AdrUnitFixed));
        Assert.That(FixUnit(AdrUnitFixed), Is.EqualTo(AdrUnitFixed));
    }

    [Test]
    public void Fix_all_keeps_CRLF_and_a_missing_final_newline()
    {
        var before = "[Unit]\r\nDescription=x\r\nAfter=network.target\r\n\r\n[Service]\r\nExecStart=/bin/true";
        Assert.That(FixUnit(before), Is.EqualTo("[Unit]\r\nDescription=x\r\nAfter=network-online.target libvirtd.service\r\nWants=network-online.target libvirtd.service\r\n\r\n[Service]\r\nExecStart=/bin/true"));
    }

    [Test]
    public void Fix_all_keeps_CR_only_line_breaks()
    {
        var before = "[Unit]\rDescription=x\rAfter=network.target\r\r[Service]\rExecStart=/bin/true\r";
        Assert.That(FixUnit(before), Is.EqualTo("[Unit]\rDescription=x\rAfter=network-online.target libvirtd.service\rWants=network-online.target libvirtd.service\r\r[Service]\rExecStart=/bin/true\r"));
        Assert.That(FixUnit("# x\r[Service]\rExecStart=/bin/true"), Is.EqualTo("# x\r[Unit]\rAfter=libvirtd.service\rWants=libvirtd.service\r\r[Service]\rExecStart=/bin/true"));
    }

    [Test]
    public void A_unit_without_Unit_section_gets_one_before_its_first_section_after_the_leading_comment()
    {
        var before = "# airflow\n[Service]\nExecStart=/bin/true\n";
        Assert.That(FixUnit(before), Is.EqualTo("# airflow\n[Unit]\nAfter=libvirtd.service\nWants=libvirtd.service\n\n[Service]\nExecStart=/bin/true\n"));
    }

    [Test]
    public void A_Unit_section_without_ordering_gets_the_line_after_its_last_entry()
    {
        var before = "[Unit]\nDescription=x\nDocumentation=man:x\n\n[Service]\nExecStart=/bin/true\n";
        Assert.That(FixUnit(before), Is.EqualTo("[Unit]\nDescription=x\nDocumentation=man:x\nAfter=libvirtd.service\nWants=libvirtd.service\n\n[Service]\nExecStart=/bin/true\n"));
    }

    [Test]
    public void End_to_end_the_sample_unit_is_fixed_by_the_real_model() =>
        Assert.That(FixAdrUnitStarting("environment:\n      FREEIPA_HOST: 192.168.122.116"), Is.EqualTo(AdrUnitFixed));

    [Test]
    public void A_stack_that_reaches_libvirt_through_its_socket_is_ordered_but_does_not_get_Wants() =>
        Assert.That(
            FixAdrUnitStarting("volumes:\n      - /var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock"),
            Is.EqualTo(AdrUnitFixed.Replace("Wants=network-online.target libvirtd.service", "Wants=network-online.target", StringComparison.Ordinal)));

    /// <summary>Fix-all with the real model of the ADR unit and a host-network compose service with <paramref name="setting"/>.</summary>
    private static string FixAdrUnitStarting(string setting)
    {
        using var temp = new TempDirectory();
        temp.Write("airflow/docker-compose.yaml", $"services:\n  scheduler:\n    image: airflow\n    network_mode: host\n    {setting}\n");
        temp.Write("airflow/airflow.service", AdrUnit);
        return FixRunner.Fix(temp).Files.Single(f => f.Path == "airflow/airflow.service").NewText;
    }

    /// <summary>
    /// Fix-all of <paramref name="text"/> as airflow/airflow.service, made VM-facing without touching its text:
    /// the compose file its ExecStart names starts a VM-facing stack, and a drop-in starts a container that reaches a VM
    /// by its address (so every HNL2xxx rule, HNL2002 included, applies).
    /// </summary>
    private static string FixUnit(string text)
    {
        using var temp = new TempDirectory();
        temp.Write("airflow/airflow.service", text);
        temp.Write("airflow/airflow.service.d/libvirt.conf", OrderingFixtures.VmAddressDropIn);
        temp.Write("airflow/docker-compose.yaml", OrderingFixtures.VmFacingCompose);
        var result = FixRunner.Fix(temp);
        return result.Files.SingleOrDefault(f => f.Path == "airflow/airflow.service")?.NewText ?? text;
    }
}
