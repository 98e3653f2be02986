using HostNetLint.Parsing.Text;
using HostNetLint.Reporting;
using HostNetLint.Reporting.Sarif;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Tests.Sarif;

/// <summary>Every kind of SARIF file we write passes the official schema and GitHub's own checks.</summary>
[TestFixture]
public sealed class SarifConformanceTests
{
    [Test]
    public void Sample_findings_are_accepted() =>
        WrittenSarif.Of(HandMadeFindings.Sample()).AssertAcceptedByCodeScanning();

    [Test]
    public void A_repository_without_findings_is_accepted_and_still_lists_results_and_rules()
    {
        var sarif = WrittenSarif.OfNothing().AssertAcceptedByCodeScanning();
        Assert.Multiple(() =>
        {
            Assert.That(sarif.Results, Is.Empty);
            Assert.That(sarif.Rules, Is.Not.Empty);
            Assert.That(sarif.Run["invocations"]![0]!["executionSuccessful"]!.GetValue<bool>(), Is.True);
        });
    }

    [Test]
    public void Parse_errors_are_results_at_their_location_and_the_run_still_succeeds()
    {
        var broken = SourceText.From("services:\n  web:\n    image: [nginx\n", "broken/compose.yaml");
        var duplicate = SourceText.From("services:\n  web:\n    image: a\n    image: b\n", "dup/compose.yaml");
        var sarif = WrittenSarif.Of(
        [
            HandMadeFindings.Create("HNL0001", HandMadeFindings.At(broken, "[nginx\n"), "broken/compose.yaml/HNL0001/flow sequence not closed", ["While parsing a flow sequence, did not find expected ',' or ']'", " The file was not checked."]),
            HandMadeFindings.Create("HNL0002", HandMadeFindings.At(duplicate, "image", 2), "dup/compose.yaml/HNL0002/image", ["Duplicate key 'image'"], new RelatedLocation(HandMadeFindings.At(duplicate, "image"), "first defined here")),
        ]).AssertAcceptedByCodeScanning();

        var first = sarif.Results[0]!;
        var region = first["locations"]![0]!["physicalLocation"]!["region"]!;
        Assert.Multiple(() =>
        {
            Assert.That(first["ruleId"]!.GetValue<string>(), Is.EqualTo("HNL0001"));
            Assert.That(first["level"]!.GetValue<string>(), Is.EqualTo("error"));

            // The span ends after the line break; the region stops at the end of line 3 instead.
            Assert.That((region["startLine"]!.GetValue<int>(), region["startColumn"]!.GetValue<int>()), Is.EqualTo((3, 12)));
            Assert.That((region["endLine"]!.GetValue<int>(), region["endColumn"]!.GetValue<int>()), Is.EqualTo((3, 18)));
            Assert.That(sarif.Run["invocations"]![0]!["executionSuccessful"]!.GetValue<bool>(), Is.True);
        });
    }

    [Test]
    public void Many_findings_are_accepted()
    {
        var text = string.Concat(Enumerable.Range(0, 2000).Select(i => $"  service-{i}:\n    network_mode: host\n    command: run --host 0.0.0.0\n"));
        var source = SourceText.From("services:\n" + text, "big/compose.yaml");
        var diagnostics = Enumerable.Range(0, 2000).Select(i =>
            HandMadeFindings.Create("HNL1006", HandMadeFindings.At(source, "--host 0.0.0.0", i + 1), $"big/service-{i}/bind", [$"service-{i}", "--host 0.0.0.0"]));

        var sarif = WrittenSarif.Of(diagnostics).AssertAcceptedByCodeScanning();

        Assert.That(sarif.Results, Has.Count.EqualTo(2000));
    }

    [Test]
    public void More_findings_than_code_scanning_takes_are_cut_to_the_most_severe_with_a_warning()
    {
        var source = SourceText.From(new string('x', 30_000), "huge/compose.yaml");
        var notes = Enumerable.Range(0, 25_000).Select(i => HandMadeFindings.Create("HNL3001", new Location(source, new TextSpan(i, 1)), $"huge/{i}", []));
        var error = HandMadeFindings.Create("HNL1003", new Location(source, new TextSpan(29_000, 1)), "huge/web/network_mode", ["web", "host"]);

        var sarif = WrittenSarif.Of(notes.Append(error));

        var notifications = sarif.Run["invocations"]![0]!["toolExecutionNotifications"]!.AsArray();
        var notification = notifications[0]!;
        Assert.Multiple(() =>
        {
            Assert.That(sarif.Run["invocations"]![0]!["executionSuccessful"]!.GetValue<bool>(), Is.True, "a warning does not fail the run");
            Assert.That(notifications[1]!["message"]!["text"]!.GetValue<string>(), Does.Contain("shows only the 5000 most severe"));
            Assert.That(GitHubSarifRequirements.Check(sarif.Bytes), Is.Empty);
            Assert.That(sarif.Results, Has.Count.EqualTo(25_000));
            Assert.That(sarif.Results.Select(r => r!["ruleId"]!.GetValue<string>()), Has.One.EqualTo("HNL1003"));
            Assert.That(notification["level"]?.GetValue<string>() ?? "warning", Is.EqualTo("warning"), "warning is SARIF's default level");
            Assert.That(notification["message"]!["text"]!.GetValue<string>(), Does.Contain("1 least severe were left out"));
        });
    }

    [Test]
    public void Tool_and_configuration_failures_are_notifications_and_fail_the_run()
    {
        var config = SourceText.From("reservedPorts:\n  - port: eighty\n", "hostnetlint.yaml");
        ToolNotification[] notifications =
        [
            new(ToolNotificationKind.Configuration, "reservedPorts[0].port must be a number from 1 to 65535.") { Id = "HNL9002", Location = HandMadeFindings.At(config, "eighty") },
            new(ToolNotificationKind.Execution, "Reading airflow/compose.yaml failed: permission denied.") { Id = "HNL9001", Exception = new UnauthorizedAccessException("denied") },
            new(ToolNotificationKind.Execution, "The rule HNL1005 crashed.") { Exception = Thrown() },
        ];

        var sarif = WrittenSarif.Of(HandMadeFindings.Sample(), notifications: notifications).AssertAcceptedByCodeScanning();

        var invocation = sarif.Run["invocations"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(invocation["executionSuccessful"]!.GetValue<bool>(), Is.False);
            Assert.That(invocation["toolConfigurationNotifications"]![0]!["descriptor"]!["id"]!.GetValue<string>(), Is.EqualTo("HNL9002"));
            Assert.That(invocation["toolConfigurationNotifications"]![0]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>(), Is.EqualTo("hostnetlint.yaml"));
            Assert.That(invocation["toolExecutionNotifications"]![0]!["exception"]!["kind"]!.GetValue<string>(), Does.Contain("UnauthorizedAccessException"));
            Assert.That(invocation["toolExecutionNotifications"]![1]!["exception"]!["stack"]!["frames"]!.AsArray(), Is.Not.Empty);
            Assert.That(sarif.Results, Has.Count.EqualTo(4), "findings of the files that were read are still reported");
        });
    }

    private static InvalidOperationException Thrown()
    {
        try
        {
            throw new InvalidOperationException("rule crashed", new FormatException("inner, never thrown"));
        }
        catch (InvalidOperationException exception)
        {
            return exception;
        }
    }

    [Test]
    public void The_file_has_no_byte_order_mark_whichever_way_it_is_written()
    {
        var writer = new SarifReportWriter(WrittenSarif.Options);
        using var written = new MemoryStream();
        using var text = new StringWriter();
        writer.Write(HandMadeFindings.Sample(), written);
        writer.Write(HandMadeFindings.Sample(), text);
        var file = WrittenSarif.Of(HandMadeFindings.Sample()).Bytes;

        Assert.Multiple(() =>
        {
            Assert.That(file[0], Is.EqualTo((byte)'{'));
            Assert.That(written.ToArray(), Is.EqualTo(file));
            Assert.That(text.ToString(), Is.EqualTo(System.Text.Encoding.UTF8.GetString(file)));
        });
    }
}
