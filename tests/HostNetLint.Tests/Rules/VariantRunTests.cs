using System.Collections.Immutable;
using HostNetLint.Rules.Engine;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Rules;

/// <summary>
/// A variant beside its base (<c>docker-compose.prod.yml</c> next to <c>docker-compose.yml</c>) is linted as compose runs
/// <c>-f base -f variant</c>: a run of its own, an alternative to the base's run, its findings where its values are
/// written, and the base's findings reported once (issue 18).
/// </summary>
[TestFixture]
public sealed class VariantRunTests
{
    private const string LibvirtSocket = "/var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock";

    [Test]
    public void A_libvirt_mount_added_only_in_the_variant_is_reported_in_the_variant_and_fixed_there()
    {
        var diagnostics = RuleVerifier.Verify(
            "HNL1001",
            ("docker-compose.yml", """
                services:
                  manager:
                    image: virt-manager
                    ports: ["8185:80"]
                """),
            ("docker-compose.libvirt.yml", $"""
                services:
                  [|manager|]:
                    volumes:
                      - {LibvirtSocket}
                """));
        var fix = diagnostics.Single().Fixes.Single();
        Assert.Multiple(() =>
        {
            Assert.That(diagnostics.Single().Message, Does.Contain("mounts the libvirt socket"));
            Assert.That(fix.Path, Is.EqualTo("docker-compose.libvirt.yml"), "the base's own run does not need host networking");
            Assert.That(fix.Apply(), Is.EqualTo($"services:\n  manager:\n    volumes:\n      - {LibvirtSocket}\n    network_mode: host"));
        });
    }

    [Test]
    public void Ports_the_base_file_writes_for_its_own_run_too_are_not_removed_for_a_variant_on_the_host_network()
    {
        var diagnostics = RuleVerifier.Verify(
            "HNL1002",
            ("compose.yaml", "services:\n  web:\n    image: nginx\n    [|ports|]: ['80:80']\n"),
            ("compose.host.yaml", "services:\n  web:\n    network_mode: host\n"));
        Assert.That(diagnostics.Single().NoFixReason, Is.EqualTo("compose.yaml writes 'web' for another run of compose too (the run of compose.yaml), which needs ports: as it is (it is not on the host network); move ports: into the file only this run loads"));
    }

    [Test]
    public void Host_networking_added_only_in_the_variant_silences_the_finding_for_that_run_only()
    {
        var files = new (string, string)[]
        {
            ("compose.yaml", $"""
                services:
                  [|manager|]:
                    image: virt-manager
                    volumes: ["{LibvirtSocket}"]
                """),
            ("compose.host.yaml", """
                services:
                  manager:
                    network_mode: host
                """),
            ("compose.debug.yaml", """
                services:
                  manager:
                    environment: [DEBUG=1]
                """),
        };

        // The base's run and the debug variant's run both need it, at the same place: one finding. The host variant's run does not.
        var diagnostics = RuleVerifier.Verify("HNL1001", files);
        Assert.That(diagnostics.Single().Location.Path, Is.EqualTo("compose.yaml"));

        using var temp = new TempDirectory();
        foreach (var (path, text) in files)
        {
            temp.Write(path, TestMarkup.Parse(text).Text);
        }

        var model = HostNetLint.Model.DeploymentModelBuilder.Build(temp.Path, [], HostNetLint.Model.ModelOptions.Default);
        Assert.That(
            model.ComposeProjects.Select(p => (p.Files[^1].Document.Path, p.Services.Single().IsHostNetwork)),
            Is.EqualTo(new[] { ("compose.yaml", false), ("compose.debug.yaml", false), ("compose.host.yaml", true) }));
    }

    [Test]
    public void Findings_in_the_base_that_variants_do_not_change_are_reported_once()
    {
        RuleVerifier.Verify(
            "HNL1001",
            ("docker-compose.yml", """
                {|HNL3001:version|}: "3.8"
                services:
                  [|provisioner|]:
                    image: provisioner:1
                    environment:
                      LIBVIRT_DEFAULT_URI: qemu:///system
                """),
            ("docker-compose.prod.yml", """
                services:
                  provisioner:
                    image: provisioner:2
                """),
            ("docker-compose.test.yml", """
                services:
                  provisioner:
                    environment:
                      MODE: test
                """));
    }

    [Test]
    public void A_variants_run_and_the_bases_run_are_alternatives_on_one_host()
    {
        // blue and green are never up together, nor with the base's own run; another stack on the host meets each,
        // and each clash is the variant's, reported where the variant writes the port.
        var options = LintOptions.Default with { Hosts = ImmutableDictionary<string, ImmutableArray<string>>.Empty.Add("edge", ["app", "other"]) };
        var diagnostics = RuleVerifier.Verify(
            "HNL1005",
            options,
            ("app/compose.yaml", """
                services:
                  web:
                    image: web
                    ports: ["80:80"]
                """),
            ("app/compose.blue.yaml", """
                services:
                  blue:
                    image: web:blue
                    ports: [[|"8080:8080"|]]
                """),
            ("app/compose.green.yaml", """
                services:
                  green:
                    image: web:green
                    ports: [[|"8080:8080"|]]
                """),
            ("other/compose.yaml", """
                services:
                  api:
                    image: api
                    ports: ["8080:80"]
                """));
        Assert.That(diagnostics.Select(d => d.Message[..d.Message.IndexOf('(', StringComparison.Ordinal)]), Is.EqualTo(new[]
        {
            "Workload 'blue' publishes host port 8080/tcp, which 'api' already binds ",
            "Workload 'green' publishes host port 8080/tcp, which 'api' already binds ",
        }));
    }

    [Test]
    public void A_clash_inside_a_variants_run_is_reported_in_the_variant()
    {
        RuleVerifier.Verify(
            "HNL1005",
            ("compose.yaml", """
                services:
                  web:
                    image: web
                    ports: ["8080:80"]
                """),
            ("compose.debug.yaml", """
                services:
                  debugger:
                    image: debugger
                    ports: [[|"8080:9229"|]]
                """));
    }

    [Test]
    public void A_port_variable_repeated_by_a_variants_run_still_belongs_to_one_workload()
    {
        RuleVerifier.Verify(
            "HNL1004",
            ("compose.yaml", """
                services:
                  lab:
                    image: example/lab
                    network_mode: host
                    environment: [[|LAB_PORT=8888|], LAB_THEME=dark]
                """),
            ("compose.gpu.yaml", """
                services:
                  lab:
                    image: example/lab-gpu
                """));
    }
}
