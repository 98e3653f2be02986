using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Meta;

/// <summary>
/// The second sample: a realistic Airflow stack on the host network, full of client settings that look like
/// listeners (MARQUEZ_HOST/MARQUEZ_PORT, POSTGRES_*, REDIS_*, VAULT_ADDR, URLs). Exactly its real findings, no more.
/// </summary>
[TestFixture]
public sealed class SampleAirflowStackTests
{
    [Test]
    public void The_stack_reports_its_real_findings_and_no_false_alarm()
    {
        var findings = Lint.Directory(Repository.SampleAirflowStack)
            .Select(d => $"{d.Location.Path}({d.Location.LineSpan.Start.Line + 1},{d.Location.LineSpan.Start.Character + 1}) {d.Id} '{d.Location.Source.ToString(d.Location.Span)}'")
            .ToList();

        // vm-inventory's VM signal lives only in its env file (env_file: libvirt.env).
        Assert.That(findings, Is.EqualTo(new[]
        {
            "airflow/compose.yaml(126,5) HNL1002 'ports'",
            "airflow/compose.yaml(138,7) HNL1006 'VAULT_DEV_LISTEN_ADDRESS: 0.0.0.0:8200'",
            "airflow/compose.yaml(159,3) HNL1001 'vm-inventory'",
            "systemd/airflow-stack.service(10,11) HNL1008 '/usr/bin/podman-compose'",
            "systemd/dag-notebook.container(14,49) HNL1004 '--port=8888'",
            "systemd/dag-notebook.container(14,49) HNL1005 '--port=8888'",
        }));
    }

    /// <summary>
    /// The unit runs /usr/bin/podman-compose (a distribution's package) and nothing says which release: a note that
    /// assumes an affected one, which targets: turns into an error per host-network service (Debian 12's 1.0.3) or silences.
    /// </summary>
    [Test]
    public void The_podman_compose_unit_gets_a_note_until_targets_say_the_release()
    {
        var note = Lint.Directory(Repository.SampleAirflowStack).Single(d => d.Id == "HNL1008");
        var debian = Lint.Directory(Repository.SampleAirflowStack, LintOptions.Default with { Targets = new RuntimeTargets { PodmanCompose = new Version(1, 0, 3) } })
            .Where(d => d.Id == "HNL1008").ToList();
        var fixedRelease = Lint.Directory(Repository.SampleAirflowStack, LintOptions.Default with { Targets = new RuntimeTargets { PodmanCompose = new Version(1, 0, 6) } });
        Assert.Multiple(() =>
        {
            Assert.That(note.Severity, Is.EqualTo(Severity.Note));
            Assert.That(note.Message, Does.StartWith("The host-network services 'postgres', 'redis', 'airflow-apiserver', 'airflow-scheduler', 'airflow-dag-processor' and 8 more of project 'airflow' do not get the host network"));
            Assert.That(debian, Has.Count.EqualTo(13).And.All.Matches<Diagnostic>(d => d.Severity == Severity.Error && d.Location.Path == "airflow/compose.yaml"));
            Assert.That(fixedRelease.Where(d => d.Id == "HNL1008"), Is.Empty);
        });
    }

    [Test]
    public void The_VM_signal_kept_in_the_env_file_is_the_evidence_of_HNL1001()
    {
        var finding = Lint.Directory(Repository.SampleAirflowStack).Single(d => d.Id == "HNL1001");
        Assert.Multiple(() =>
        {
            Assert.That(finding.Message, Does.Contain("libvirt.env"));
            Assert.That(finding.RelatedLocations.Select(r => r.Location.Path), Does.Contain("airflow/libvirt.env"));
        });
    }

    [Test]
    public void The_notebook_clash_names_the_API_server_in_the_compose_project_the_unit_beside_it_starts()
    {
        var clash = Lint.Directory(Repository.SampleAirflowStack).Single(d => d.Id == "HNL1005");
        Assert.Multiple(() =>
        {
            Assert.That(clash.Message, Is.EqualTo("Workload 'dag-notebook' listens on host port 8888/tcp, which 'airflow-apiserver' already binds (in airflow/compose.yaml). Only one of them can start."));
            Assert.That(clash.RelatedLocations.Select(r => r.Location.ToString()), Is.EqualTo(new[] { "airflow/compose.yaml(69,49)" }));
        });
    }
}
