using HostNetLint.Fixes;
using HostNetLint.Parsing.Systemd;
using HostNetLint.Parsing.Text;
using HostNetLint.Rules.Engine;
using HostNetLint.Rules.Fixing;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Fixes;

/// <summary>HNL2001-HNL2003 fixes and the unit edit helpers, byte for byte.</summary>
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
    public void An_After_reset_line_is_not_appended_to()
    {
        var syntax = UnitFileSyntax.Parse(SourceText.From("[Unit]\nAfter=\n"));
        Assert.That(UnitEdits.AppendToList(syntax.Sections[0].Entries[0], "libvirtd.service"), Is.Null);
        var edit = UnitEdits.AddToSectionList(syntax, "Unit", "After", "libvirtd.service");
        Assert.That(TextEdit.Apply(syntax.Text.Text, [edit!.Value]), Is.EqualTo("[Unit]\nAfter=\nAfter=libvirtd.service\n"));
    }

    [Test]
    public void Empty_section_gets_the_line_after_its_header()
    {
        var syntax = UnitFileSyntax.Parse(SourceText.From("[Unit]\n\n[Service]\nExecStart=/bin/true\n"));
        var edit = UnitEdits.AddToSectionList(syntax, "Unit", "Wants", "libvirtd.service");
        Assert.That(TextEdit.Apply(syntax.Text.Text, [edit!.Value]), Is.EqualTo("[Unit]\nWants=libvirtd.service\n\n[Service]\nExecStart=/bin/true\n"));
    }

    [Test]
    public void Quadlet_container_gets_Network_host_and_loses_PublishPort_lines()
    {
        var text = SourceText.From("[Container]\nImage=airflow\nPublishPort=8888:8080\n# keep\nVolume=/run/libvirt:/run/libvirt\nPublishPort=8889:8889", "airflow.container");
        var syntax = UnitFileSyntax.Parse(text, UnitFileDialect.Quadlet);
        var entries = syntax.Sections[0].Entries;
        var edits = entries.Where(e => e.Key == "PublishPort").Select(UnitEdits.RemoveEntry).ToList();
        edits.Add(UnitEdits.AddToSectionList(syntax, "Container", "Network", "host")!.Value);
        Assert.That(TextEdit.Apply(text.Text, edits), Is.EqualTo("[Container]\nImage=airflow\n# keep\nVolume=/run/libvirt:/run/libvirt\nNetwork=host"));
    }

    [Test]
    public void Podman_run_line_gets_network_host_after_run_and_loses_its_publish_flags()
    {
        var text = SourceText.From("[Service]\nExecStart=/usr/bin/podman run --rm -p 8888:8080 --name web --publish=9000:9000 -p8001:8001 -v /run/libvirt:/run/libvirt quay.io/airflow webserver -p 5\n");
        var syntax = UnitFileSyntax.Parse(text);
        var command = ExecCommandLine.Parse(syntax.Sections[0].Entries[0]).Command!;
        var edits = UnitEdits.RemovePodmanPublishFlags(text, command).Append(UnitEdits.AddPodmanHostNetwork(command)!.Value);
        Assert.That(
            TextEdit.Apply(text.Text, edits),
            Is.EqualTo("[Service]\nExecStart=/usr/bin/podman run --network=host --rm --name web -v /run/libvirt:/run/libvirt quay.io/airflow webserver -p 5\n"));
    }

    [Test]
    public void Podman_run_line_that_names_a_network_is_not_changed()
    {
        var syntax = UnitFileSyntax.Parse(SourceText.From("[Service]\nExecStart=podman run --network bridge img\n"));
        Assert.That(UnitEdits.AddPodmanHostNetwork(ExecCommandLine.Parse(syntax.Sections[0].Entries[0]).Command!), Is.Null);
    }

    [Test]
    public void End_to_end_the_sample_unit_is_fixed_by_the_real_model()
    {
        using var temp = new TempDirectory();
        temp.Write("airflow/docker-compose.yaml", "services:\n  scheduler:\n    image: airflow\n    network_mode: host\n    volumes:\n      - /var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock\n");
        temp.Write("airflow/airflow.service", AdrUnit);
        var result = FixRunner.Fix(temp);
        Assert.That(result.Files.Single(f => f.Path == "airflow/airflow.service").NewText, Is.EqualTo(AdrUnitFixed));
    }

    private static string FixUnit(string text)
    {
        using var temp = new TempDirectory();
        temp.Write("airflow.service", text);
        var result = FixAllEngine.Run(temp.Path, [], FixOptions.Default, UnitOnlyModel.Build, LintEngine.Run);
        return result.Files.SingleOrDefault()?.NewText ?? text;
    }
}
