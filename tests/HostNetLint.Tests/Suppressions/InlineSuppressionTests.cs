using HostNetLint.Model;
using HostNetLint.Rules.Engine;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Suppressions;

[TestFixture]
public sealed class InlineSuppressionTests
{
    private const string HostWebserver = """
        services:
          airflow-webserver:
            image: quay.io/qubinode/airflow:2.10.5
            network_mode: host

        """;

    [Test]
    public void Disable_next_line_on_the_right_line_suppresses_the_finding()
    {
        RuleVerifier.Verify("HNL3001", "# hostnetlint-disable-next-line HNL3001 -- kept for docker-compose v1\nversion: '3'\nservices:\n  web:\n    image: nginx\n");
    }

    [Test]
    public void Disable_next_line_on_the_wrong_line_suppresses_nothing_and_is_reported()
    {
        RuleVerifier.Verify("HNL3001", "[|version|]: '3'\n# hostnetlint-disable-next-line {|HNL0005:HNL3001|}\nservices:\n  web:\n    image: nginx\n");
    }

    [Test]
    public void Stacked_comments_and_blank_lines_are_skipped_by_disable_next_line()
    {
        RuleVerifier.Verify("HNL3001", "# hostnetlint-disable-next-line HNL3001\n# another comment\n\nversion: '3'\nservices:\n  web:\n    image: nginx\n");
    }

    [Test]
    public void Disable_next_line_covers_a_line_that_ends_in_a_comment_of_its_own()
    {
        RuleVerifier.Verify("HNL3001", "# hostnetlint-disable-next-line HNL3001 -- kept for docker-compose v1\nversion: '3' # compose v1\nservices:\n  web:\n    image: nginx\n");
    }

    [Test]
    public void Disable_line_at_the_end_of_the_line_suppresses_it()
    {
        RuleVerifier.Verify("HNL3001", "version: '3' # hostnetlint-disable-line HNL3001\nservices:\n  web:\n    image: nginx\n");
    }

    [Test]
    public void Disable_line_on_another_line_suppresses_nothing()
    {
        RuleVerifier.Verify("HNL3001", "[|version|]: '3'\nservices: # hostnetlint-disable-line {|HNL0005:HNL3001|}\n  web:\n    image: nginx\n");
    }

    [Test]
    public void Disable_file_suppresses_anywhere_in_the_file_only()
    {
        RuleVerifier.Verify(
            "HNL3001",
            ("a/compose.yaml", "services:\n  web:\n    image: nginx\nversion: '3'\n# hostnetlint-disable-file HNL3001 -- legacy\n"),
            ("b/compose.yaml", "[|version|]: '3'\nservices:\n  web:\n    image: nginx\n"));
    }

    [Test]
    public void A_block_suppresses_until_its_enable()
    {
        RuleVerifier.Verify("HNL1002", HostWebserver + """
            # hostnetlint-disable HNL1002
              scheduler:
                image: quay.io/qubinode/airflow:2.10.5
                network_mode: host
                ports: ["8793:8793"]
            # hostnetlint-enable HNL1002
              worker:
                image: quay.io/qubinode/airflow:2.10.5
                network_mode: host
                [|ports|]: ["8794:8794"]
            """);
    }

    [Test]
    public void A_suppression_on_a_service_key_covers_the_whole_service()
    {
        RuleVerifier.Verify("HNL1002", """
            services:
              # hostnetlint-disable-next-line HNL1002 -- the proxy still reads the published port
              airflow-webserver:
                image: quay.io/qubinode/airflow:2.10.5
                network_mode: host
                ports:
                  - "127.0.0.1:8888:8888"
              airflow-api: # hostnetlint-disable-line HNL1002
                image: quay.io/qubinode/airflow:2.10.5
                network_mode: host
                ports: ["127.0.0.1:8080:8080"]
              other:
                image: quay.io/qubinode/airflow:2.10.5
                network_mode: host
                [|ports|]: ["127.0.0.1:9000:9000"]
            """);
    }

    [Test]
    public void An_unknown_rule_is_reported_at_its_id()
    {
        RuleVerifier.Verify("HNL0005", "# hostnetlint-disable-next-line HNL3001, [|HNL9999|] -- typo\nversion: '3'\nservices:\n  web:\n    image: nginx\n");
    }

    [Test]
    public void A_suppression_naming_no_rule_is_reported_at_the_comment()
    {
        RuleVerifier.Verify("HNL0005", "services:\n  web:\n    image: nginx\n[|# hostnetlint-disable-file|]\n");
    }

    [Test]
    public void Require_justification_reports_a_suppression_without_a_reason()
    {
        var options = LintOptions.Default with { RequireJustification = true };
        RuleVerifier.Verify(
            "HNL0005",
            options,
            ("a/compose.yaml", "[|# hostnetlint-disable-next-line HNL3001|]\nversion: '3'\nservices:\n  web:\n    image: nginx\n"),
            ("b/compose.yaml", "# hostnetlint-disable-next-line HNL3001 -- kept for v1\nversion: '3'\nservices:\n  web:\n    image: nginx\n"));
    }

    [Test]
    public void Hnl0005_cannot_be_suppressed_by_a_comment()
    {
        RuleVerifier.Verify("HNL0005", "# hostnetlint-disable-file [|HNL0005|]\n# hostnetlint-disable-next-line [|HNL1001|]\nservices:\n  web:\n    image: nginx\n");
    }

    [Test]
    public void Unit_comments_with_hash_and_semicolon_suppress_the_next_setting()
    {
        var unit = """
            [Unit]
            Description=Airflow
            ; hostnetlint-disable-next-line HNL2003 -- network.target is enough here
            After=network.target
            # hostnetlint-disable-next-line HNL2001 -- libvirt runs on another host

            [Service]
            ExecStart=/usr/bin/podman-compose -f /opt/airflow/docker-compose.yaml up

            [Install]
            WantedBy=multi-user.target
            """;
        using var temp = new TempDirectory();
        temp.Write("airflow/airflow.service", unit);
        temp.Write("airflow/docker-compose.yaml", "services:\n  scheduler:\n    image: airflow\n    network_mode: host\n    volumes: ['/var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock']\n");
        var model = DeploymentModelBuilder.Build(temp.Path, [], ModelOptions.Default);
        var result = LintEngine.Analyze(model, LintOptions.Default);
        Assert.Multiple(() =>
        {
            Assert.That(result.Diagnostics.Where(d => d.Id == "HNL2003"), Is.Empty, string.Join('\n', result.Diagnostics));
            Assert.That(result.Suppressed.Select(s => (s.Diagnostic.Id, s.Justification)), Does.Contain(("HNL2003", (string?)"network.target is enough here")));
        });
    }

    [Test]
    public void Suppressed_findings_are_kept_aside_with_their_reason()
    {
        using var temp = new TempDirectory();
        temp.Write("compose.yaml", "version: '3' # hostnetlint-disable-line HNL3001 -- kept for v1\nservices:\n  web:\n    image: nginx\n");
        var result = LintEngine.Analyze(DeploymentModelBuilder.Build(temp.Path, [], ModelOptions.Default), LintOptions.Default);
        Assert.Multiple(() =>
        {
            Assert.That(result.Diagnostics.Select(d => d.Id), Does.Not.Contain("HNL3001"));
            Assert.That(result.Suppressed.Select(s => (s.Diagnostic.Id, s.Justification)), Is.EqualTo(new[] { ("HNL3001", (string?)"kept for v1") }));
        });
    }

    [Test]
    public void A_block_without_enable_runs_to_the_end_of_the_file_and_ids_may_be_comma_separated()
    {
        RuleVerifier.Verify("HNL1002", """
            services:
              web:
                image: nginx
            # hostnetlint-disable HNL1006,HNL1002 -- legacy stack, see ADR-0043
              scheduler:
                image: quay.io/qubinode/airflow:2.10.5
                network_mode: host
                ports: ["8793:8793"]
            """);
    }

    [Test]
    public void A_suppression_inside_a_string_is_not_a_comment()
    {
        RuleVerifier.Verify("HNL3001", "[|version|]: '3'\nx-note: \"# hostnetlint-disable-file HNL3001\"\nservices:\n  web:\n    image: nginx\n");
    }
}
