using HostNetLint.Parsing.Systemd;
using HostNetLint.Parsing.Text;
using HostNetLint.Rules.Fixing;

namespace HostNetLint.Tests.Fixes;

/// <summary>The unit edit helpers the HNL1xxx and HNL2xxx fixes are made of, byte for byte.</summary>
[TestFixture]
public sealed class UnitEditsTests
{
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
}
