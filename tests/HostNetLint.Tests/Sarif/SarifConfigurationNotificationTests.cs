using System.Text.Json.Nodes;
using HostNetLint.Cli;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Sarif;

/// <summary>An invalid hostnetlint.yaml is the tool's configuration problem: in SARIF a configuration notification, not a result.</summary>
[TestFixture]
public sealed class SarifConfigurationNotificationTests
{
    [Test]
    public void An_invalid_configuration_becomes_a_configuration_notification_and_an_unsuccessful_run()
    {
        using var temp = new TempDirectory();
        temp.Write("hostnetlint.yaml", "vmNetworks:\n  - not-a-cidr\n");
        temp.Write("compose.yaml", "services:\n  web:\n    image: nginx\n");
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };

        var exit = CliApplication.Run(["check", "--format", "sarif", "."], stdout, stderr, temp.Path);

        var sarif = stdout.ToString();
        Assert.That(SarifSchema.Validate(sarif), Is.Empty);
        var run = JsonNode.Parse(sarif)!["runs"]![0]!;
        var invocation = run["invocations"]![0]!;
        var notification = invocation["toolConfigurationNotifications"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.UsageOrToolError));
            Assert.That(run["results"]!.AsArray(), Is.Empty);
            Assert.That(invocation["executionSuccessful"]!.GetValue<bool>(), Is.False);
            Assert.That(notification["descriptor"]?["id"]?.GetValue<string>() ?? notification["associatedRule"]?["id"]?.GetValue<string>(), Is.EqualTo("HNL0006"));
            Assert.That(notification["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!.GetValue<int>(), Is.EqualTo(2));
        });
    }
}
