using HostNetLint.Rules.Engine;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Configuration;

/// <summary>hostnetlint.yaml's vmAccess signals reach HNL1001.</summary>
[TestFixture]
public sealed class VmAccessConfigTests
{
    [Test]
    public void Configured_names_and_labels_make_a_workload_VM_facing()
    {
        var options = LintOptions.Default with { VmAccess = new VmAccessOptions { Names = ["*dag-runner*"], Labels = ["io.example/vm=true"] } };
        var findings = RuleVerifier.Verify("HNL1001", options, ("compose.yaml", """
            services:
              [|dag-runner|]:
                image: busybox
              [|labelled|]:
                image: busybox
                labels:
                  io.example/vm: "true"
              other:
                image: busybox
                labels:
                  io.example/vm: "false"
            """));
        Assert.That(findings[0].Message, Does.Contain("it has a name matching the configured vmAccess name '*dag-runner*'"));
    }

    [Test]
    public void Excluded_names_are_never_VM_facing()
    {
        var options = LintOptions.Default with { VmAccess = new VmAccessOptions { Exclude = ["postgres*"] } };
        RuleVerifier.Verify("HNL1001", options, ("compose.yaml", """
            services:
              postgres:
                image: postgres:16
                volumes: ["/var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock"]
            """));
    }
}
