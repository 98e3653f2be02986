using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Rules;

/// <summary>Env files as evidence and as references: HNL1001 through an env file, HNL0004 once per file, HNL0003 in a .env.</summary>
[TestFixture]
public sealed class EnvFileEvidenceTests
{
    [Test]
    public void A_libvirt_uri_in_an_env_file_makes_the_service_vm_facing_with_the_env_file_line_as_evidence()
    {
        var diagnostics = RuleVerifier.Verify(
            "HNL1001",
            ("airflow/airflow.env", "AIRFLOW__CORE__EXECUTOR=LocalExecutor\nLIBVIRT_DEFAULT_URI=qemu:///system\n"),
            ("airflow/compose.yaml", """
                services:
                  [|airflow-scheduler|]:
                    image: quay.io/qubinode/airflow:2.10.5
                    env_file: airflow.env
                  postgres:
                    image: postgres:15
                """));
        var finding = diagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That(finding.Message, Does.Contain("it sets LIBVIRT_DEFAULT_URI (from the env file airflow/airflow.env)"));
            var evidence = finding.RelatedLocations[0];
            Assert.That(evidence.Location.Path, Is.EqualTo("airflow/airflow.env"));
            Assert.That(evidence.Location.Source.ToString(evidence.Location.Span), Is.EqualTo("LIBVIRT_DEFAULT_URI=qemu:///system"));
            Assert.That(evidence.Location.LineSpan.Start.Line, Is.EqualTo(1));
            Assert.That(evidence.Message, Is.EqualTo("VM access signal: sets LIBVIRT_DEFAULT_URI"));
            var site = finding.RelatedLocations[1];
            Assert.That((site.Location.Path, site.Location.Source.ToString(site.Location.Span)), Is.EqualTo(("airflow/compose.yaml", "airflow.env")));
            Assert.That(site.Message, Is.EqualTo("read into 'airflow-scheduler' from the env file here"));
        });
    }

    [Test]
    public void Environment_overrides_an_env_file_value_so_only_the_declared_value_counts()
    {
        RuleVerifier.Verify(
            "HNL1001",
            ("vm.env", "FREEIPA_HOST=192.168.122.116\n"),
            ("compose.yaml", """
                services:
                  web:
                    image: nginx
                    env_file: vm.env
                    environment:
                      FREEIPA_HOST: ipa.example.com
                """));
    }

    [Test]
    public void A_vm_address_in_a_quadlet_environment_file_is_a_signal()
    {
        RuleVerifier.Verify(
            "HNL1001",
            ("ipa.env", "FREEIPA_HOST=192.168.122.116\n"),
            ("ipa-client.container", "[|[Container]|]\nImage=quay.io/qubinode/airflow:2.10.5\nEnvironmentFile=ipa.env\n"));
    }

    [Test]
    public void A_missing_env_file_is_one_warning_with_every_reading_service_related()
    {
        var diagnostics = RuleVerifier.Verify(
            "HNL0004",
            ("compose.yaml", """
                x-common: &common
                  image: quay.io/qubinode/airflow:2.10.5
                  env_file: [|airflow.env|]
                services:
                  airflow-scheduler:
                    <<: *common
                  airflow-webserver:
                    <<: *common
                  airflow-init:
                    image: quay.io/qubinode/airflow:2.10.5
                    env_file:
                      - path: airflow.env
                        required: false
                """));
        Assert.That(diagnostics.Single().RelatedLocations.Select(r => (r.Location.LineSpan.Start.Line + 1, r.Message)), Is.EqualTo(new[]
        {
            (5, "read by 'airflow-scheduler'"),
            (7, "read by 'airflow-webserver'"),
        }));
    }

    [Test]
    public void A_missing_compose_file_entry_is_reported_at_the_dot_env_value()
    {
        RuleVerifier.Verify(
            "HNL0004",
            (".env", "COMPOSE_FILE=[|compose.yaml:compose.gpu.yaml|]\n"),
            ("compose.yaml", "services:\n  web:\n    image: nginx\n"));
    }

    [Test]
    public void A_dot_env_that_doubles_at_every_line_is_reported_at_the_variable()
    {
        var lines = new List<string> { "A0=xx" };
        lines.AddRange(Enumerable.Range(1, 24).Select(i => (i == 20 ? "[|A20|]" : $"A{i}") + $"=${{A{i - 1}}}${{A{i - 1}}}"));
        RuleVerifier.Verify(
            "HNL0003",
            (".env", string.Join('\n', lines) + "\n"),
            ("compose.yaml", "services:\n  web:\n    image: nginx:${A2}\n"));
    }
}
