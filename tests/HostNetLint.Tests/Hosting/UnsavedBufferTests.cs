using System.Collections.Immutable;
using System.Text;
using HostNetLint.Hosting;
using HostNetLint.Hosting.Configuration;
using HostNetLint.Model;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Hosting;

/// <summary>
/// An editor's unsaved buffers (the overlay) stand for their files in every part of a run: the model, hostnetlint.yaml,
/// and every pass of fix-all. A buffer whose file is not on disk yet is read when it is named.
/// </summary>
[TestFixture]
public sealed class UnsavedBufferTests
{
    private const string VmFacing = "services:\n  mcp:\n    image: mcp\n    volumes:\n      - /var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock\n";

    [Test]
    public void A_named_file_that_is_only_a_buffer_is_read_but_discovery_does_not_find_it()
    {
        using var repo = new TempDirectory();
        var fresh = Path.Combine(repo.Path, "mcp", "compose.yaml");
        var unit = Path.Combine(repo.Path, "mcp", "mcp.container");
        var overlay = ImmutableDictionary<string, byte[]>.Empty
            .Add(fresh, Encoding.UTF8.GetBytes(VmFacing))
            .Add(unit, Encoding.UTF8.GetBytes("[Container]\nImage=mcp\n"));

        var named = DeploymentModelBuilder.Build(repo.Path, [fresh, unit], ModelOptions.Default with { Overlay = overlay });
        Assert.That(named.Workloads.Select(w => w.Name), Is.EquivalentTo(new[] { "mcp", "mcp" }), "the compose service and the quadlet's container");
        Assert.That(named.Documents.Select(d => d.Path), Is.EquivalentTo(new[] { "mcp/compose.yaml", "mcp/mcp.container" }));

        var walked = DeploymentModelBuilder.Build(repo.Path, [repo.Path], ModelOptions.Default with { Overlay = overlay });
        Assert.That(walked.Documents, Is.Empty, "a directory walk lists the disk");
    }

    [Test]
    public void An_unsaved_hostnetlint_yaml_is_the_configuration_even_before_it_is_saved()
    {
        using var repo = new TempDirectory();
        repo.Write("compose.yaml", VmFacing);
        var config = Path.Combine(repo.Path, HostNetLintConfigLoader.FileName);
        var broken = new LintRun().Execute(new LintRequest
        {
            Settings = new LintSettingsRequest { Root = repo.Path, Overlay = ImmutableDictionary<string, byte[]>.Empty.Add(config, "vmNetworks: 12\n"u8.ToArray()) },
        });
        Assert.That(broken.ConfigurationProblems.Select(p => (p.Id, p.Location.Path)), Is.EqualTo(new[] { ("HNL0006", "hostnetlint.yaml") }));
    }

    [Test]
    public void Fix_all_starts_from_the_buffers_and_keeps_them_in_every_pass()
    {
        using var repo = new TempDirectory();
        var first = repo.Write("a/compose.yaml", "services:\n  web:\n    image: nginx\n");
        var second = repo.Write("b/compose.yaml", "services:\n  db:\n    image: postgres\n");

        // HNL1001's fix adds network_mode: host and removes the networks: compose would refuse beside it, in one fix.
        // The second buffer is not fixed (only those two rules are), but what is left in it is read from the buffer too.
        const string Buffer = "services:\n  mcp:\n    image: mcp\n    networks: [lab]\n    volumes:\n      - /var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock\nnetworks:\n  lab: {}\n";
        var overlay = ImmutableDictionary<string, byte[]>.Empty
            .Add(first, Encoding.UTF8.GetBytes(Buffer))
            .Add(second, "version: '3'\nservices:\n  db:\n    image: postgres\n"u8.ToArray());
        var outcome = new LintRun().Execute(new LintRequest
        {
            Settings = new LintSettingsRequest { Root = repo.Path, Overlay = overlay },
            Fix = FixMode.DryRun,
            FixRules = ["HNL1001", "HNL1003"],
        });
        var file = outcome.Fix!.Files.Single();
        Assert.Multiple(() =>
        {
            Assert.That(file.Original.Text, Is.EqualTo(Buffer));
            Assert.That(file.RuleIds, Is.EqualTo(new[] { "HNL1001" }));
            Assert.That(file.NewText, Does.Contain("network_mode: host").And.Not.Contain("networks: [lab]"));
            Assert.That(outcome.Diagnostics.Select(d => (d.Id, d.Location.Path)), Is.EqualTo(new[] { ("HNL3001", "b/compose.yaml") }));
            Assert.That(File.ReadAllText(first), Is.EqualTo("services:\n  web:\n    image: nginx\n"), "a dry run writes nothing");
        });
    }
}
