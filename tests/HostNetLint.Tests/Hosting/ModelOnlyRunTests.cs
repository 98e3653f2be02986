using HostNetLint.Hosting;
using HostNetLint.Hosting.Configuration;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Hosting;

[TestFixture]
public sealed class ModelOnlyRunTests
{
    [Test]
    public void A_model_only_run_reads_the_files_and_runs_no_rule_and_writes_no_baseline()
    {
        // What `check --list-files` asks for: the discovery record, without the cost of the rules.
        using var repo = new TempDirectory();
        repo.Write("airflow/compose.yaml", "services:\n  web:\n    image: nginx\n    volumes: [/var/run/libvirt:/var/run/libvirt]\n");
        var baseline = Path.Combine(repo.Path, "baseline.sarif");
        var run = new LintRun { Analyze = (_, _) => throw new AssertionException("a model-only run ran the rules") };

        var outcome = run.Execute(new LintRequest { Settings = new LintSettingsRequest { Root = repo.Path }, ModelOnly = true, WriteBaselineFile = baseline });

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Model?.Discovery.Select(d => d.Path), Does.Contain("airflow/compose.yaml"));
            Assert.That(outcome.DocumentCount, Is.EqualTo(1));
            Assert.That(outcome.Diagnostics, Is.Empty);
            Assert.That(File.Exists(baseline), Is.False);
        });
    }
}
