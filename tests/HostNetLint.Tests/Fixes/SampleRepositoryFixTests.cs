using HostNetLint.Fixes;
using HostNetLint.Rules.Engine;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Fixes;

/// <summary>The acceptance test: fixing tests/sample-deployment (a copy) removes every fixable compose finding and no comment.</summary>
[TestFixture]
public sealed class SampleRepositoryFixTests
{
    private static readonly string[] FixedRules = ["HNL1001", "HNL1002", "HNL1003", "HNL3001"];

    [Test]
    public void Fixing_the_sample_leaves_no_fixable_compose_finding_and_every_comment_line()
    {
        using var temp = CopySample();
        var composePath = Path.Combine(temp.Path, "airflow", "docker-compose.yaml");
        var before = File.ReadAllText(composePath);

        var result = FixRunner.Fix(temp);
        foreach (var file in result.Changed)
        {
            Assert.That(AtomicFileWriter.Write(temp.Path, file.FullPath, file.NewBytes()), Is.Null);
        }

        var after = File.ReadAllText(composePath);
        var remaining = Lint.Directory(temp.Path);
        Assert.Multiple(() =>
        {
            Assert.That(remaining.Where(d => FixedRules.Contains(d.Id)), Is.Empty, after);
            Assert.That(CommentAndBlankLines(after), Is.EqualTo(CommentAndBlankLines(before)), after);
            Assert.That(after, Does.Contain("x-airflow-common: &airflow-common\n  image:"));
            Assert.That(after, Does.Contain("  network_mode: host\n"));
        });

        var second = FixRunner.Fix(temp);
        Assert.That(second.Changed, Is.Empty, "a second fix changes nothing");
    }

    [Test]
    public void The_sample_fix_goes_into_the_anchor_as_ADR_0043_did()
    {
        using var temp = CopySample();
        var result = FixRunner.Fix(temp);
        var file = result.Files.Single(f => f.Path == "airflow/docker-compose.yaml");
        const string expectedAnchor = """
            x-airflow-common: &airflow-common
              image: ${AIRFLOW_IMAGE:-qubinode/airflow:latest}
              environment:
                - AIRFLOW__CORE__EXECUTOR=LocalExecutor
                - AIRFLOW__DATABASE__SQL_ALCHEMY_CONN=postgresql+psycopg2://airflow:airflow@postgres/airflow
                - AIRFLOW__CORE__LOAD_EXAMPLES=false
                # Read by the MCP server and by the DAGs that call it
                - AIRFLOW_MCP_PORT=8889
              volumes:
                - ./dags:/opt/airflow/dags
                - ./logs:/opt/airflow/logs
                - ./plugins:/opt/airflow/plugins
                # kcli and virsh inside the containers talk to the host's libvirtd
                - /var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock:ro
              depends_on:
                - postgres
              network_mode: host

            services:
              airflow-webserver:
                <<: *airflow-common
                command: webserver

              airflow-scheduler:
            """;
        Assert.That(file.NewText.ReplaceLineEndings("\n"), Does.Contain(expectedAnchor.ReplaceLineEndings("\n")), file.NewText);
        // HNL1001's fix removes the networks: in the same edit (compose rejects them beside network_mode), so HNL1003 never fires.
        Assert.That(file.RuleIds, Is.EqualTo(new[] { "HNL1001", "HNL1002", "HNL3001" }));
    }

    [Test]
    public void The_sample_unit_gets_libvirt_and_network_online_ordering()
    {
        // The sample reaches libvirt only through its socket, which socket activation starts on first use: no Wants=libvirtd (HNL2002).
        using var temp = CopySample();
        var result = FixRunner.Fix(temp);
        var unit = result.Files.Single(f => f.Path == "airflow/airflow.service");
        Assert.That(unit.NewText, Does.StartWith(
            "# /etc/systemd/system/airflow.service\n[Unit]\nDescription=Airflow via Podman\nAfter=network-online.target libvirtd.service\nWants=network-online.target\n\n[Service]\n"));
    }

    [Test]
    public void Fixing_the_sample_with_the_real_model_leaves_none_of_the_fixable_findings()
    {
        using var temp = CopySample();
        foreach (var file in FixRunner.Fix(temp).Changed)
        {
            Assert.That(AtomicFileWriter.Write(temp.Path, file.FullPath, file.NewBytes()), Is.Null);
        }

        string[] all = [.. FixedRules, "HNL2001", "HNL2002", "HNL2003"];
        Assert.That(Lint.Directory(temp.Path).Where(d => all.Contains(d.Id)), Is.Empty);
        Assert.That(File.ReadAllText(Path.Combine(temp.Path, "airflow", "airflow.service")), Does.Contain("After=network-online.target libvirtd.service"));
        Assert.That(FixRunner.Fix(temp).Changed, Is.Empty);
    }

    private static TempDirectory CopySample()
    {
        var temp = new TempDirectory();
        var source = Path.Combine(Repository.Root, "tests", "sample-deployment");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            temp.WriteBytes(relative, File.ReadAllBytes(file));
        }

        return temp;
    }

    private static List<string> CommentAndBlankLines(string text) =>
        [.. text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.TrimStart().StartsWith('#') || l.Trim().Length == 0)];
}
