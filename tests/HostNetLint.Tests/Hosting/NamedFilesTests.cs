using HostNetLint.Cli;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Hosting;

/// <summary>
/// Paths on the command line name what is reported and fixed; what they reference is read for context only
/// (issue 11 §3). pre-commit passes the staged files: a hook must not fail on, nor rewrite, a file nobody touched.
/// </summary>
[TestFixture]
public sealed class NamedFilesTests
{
    private const string UnitFindings =
        "airflow/airflow.service(4,1): error HNL2001: Unit 'airflow.service' is not ordered after libvirt, but it starts 'airflow-webserver', which mounts the libvirt socket '/var/run/libvirt/libvirt-sock'. At boot the containers can start before libvirtd and fail to reach it; add libvirtd.service to After=.\n" +
        "airflow/airflow.service(4,7): warning HNL2003: Unit 'airflow.service' waits for network.target only. Host-network containers that connect to VMs at start need configured addresses; use After=network-online.target with Wants=network-online.target.\n";

    [Test]
    public void Checking_a_unit_reports_only_the_unit_although_its_compose_file_is_read()
    {
        using var repo = Sample();

        var (exit, output, _) = Run(repo.Path, "check", "airflow/airflow.service");

        // HNL2001 needs the compose file (the unit starts airflow-webserver, which mounts the libvirt socket) and its .env;
        // the compose file's own HNL1001 and HNL3001 are not reported, and the summary counts the one file named.
        Assert.Multiple(() =>
        {
            Assert.That(output, Is.EqualTo(UnitFindings + "1 error, 1 warning, 0 notes in 1 file\n"));
            Assert.That(exit, Is.EqualTo(ExitCodes.FindingsAtOrAboveFailLevel));
        });
    }

    [Test]
    public void Checking_a_directory_reports_everything_under_it()
    {
        using var repo = Sample();

        var (_, output, _) = Run(repo.Path, "check", "airflow");

        // The unit, the compose file and its .env.
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.StartWith(UnitFindings));
            Assert.That(output, Does.Contain("airflow/docker-compose.yaml(25,3): error HNL1001"));
            Assert.That(output, Does.EndWith("4 errors, 1 warning, 1 note in 3 files\n"));
        });
    }

    [Test]
    public void Fixing_a_unit_never_rewrites_its_compose_file()
    {
        using var repo = Sample();
        var compose = Path.Combine(repo.Path, "airflow", "docker-compose.yaml");
        var before = File.ReadAllBytes(compose);

        var (_, diff, _) = Run(repo.Path, "fix", "--dry-run", "airflow/airflow.service");
        var (_, output, _) = Run(repo.Path, "fix", "airflow/airflow.service");

        Assert.Multiple(() =>
        {
            Assert.That(diff, Does.StartWith("diff --git a/airflow/airflow.service b/airflow/airflow.service\n").And.Not.Contain("docker-compose.yaml"));
            Assert.That(output, Does.StartWith("fixed airflow/airflow.service: ").And.Not.Contain("docker-compose.yaml"));
            Assert.That(output, Does.EndWith("No findings in 1 file\n"));
            Assert.That(File.ReadAllBytes(compose), Is.EqualTo(before));
            Assert.That(File.ReadAllText(Path.Combine(repo.Path, "airflow", "airflow.service")), Does.Contain("After=network-online.target libvirtd.service"));
        });
    }

    [Test]
    public void A_pre_commit_run_with_several_staged_files_reports_and_fixes_only_those()
    {
        using var repo = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(repo.Path, ".git"));
        const string obsolete = "version: '3'\nservices:\n  web:\n    image: nginx\n";
        repo.Write("app/compose.yaml", obsolete);
        repo.Write("app/compose.override.yaml", obsolete);
        repo.Write("tools/compose.yaml", obsolete);
        repo.Write("other/compose.yaml", obsolete);

        // pre-commit runs the hook from the repository root with the staged files; app/compose.override.yaml is read
        // (it is part of app's project) but was not staged.
        var (exit, output, _) = Run(repo.Path, "check", "app/compose.yaml", "tools/compose.yaml");
        var (_, fixOutput, _) = Run(repo.Path, "fix", "app/compose.yaml", "tools/compose.yaml");

        Assert.Multiple(() =>
        {
            Assert.That(output, Is.EqualTo(
                "app/compose.yaml(1,1): note HNL3001: The top-level 'version' key is obsolete and ignored by compose. Remove it.\n" +
                "tools/compose.yaml(1,1): note HNL3001: The top-level 'version' key is obsolete and ignored by compose. Remove it.\n" +
                "0 errors, 0 warnings, 2 notes in 2 files\n"));
            Assert.That(exit, Is.EqualTo(ExitCodes.Success));
            Assert.That(fixOutput, Is.EqualTo("fixed app/compose.yaml: 1 edit (HNL3001)\nfixed tools/compose.yaml: 1 edit (HNL3001)\nNo findings in 2 files\n"));
            Assert.That(File.ReadAllText(Path.Combine(repo.Path, "app", "compose.override.yaml")), Is.EqualTo(obsolete));
            Assert.That(File.ReadAllText(Path.Combine(repo.Path, "other", "compose.yaml")), Is.EqualTo(obsolete));
            Assert.That(File.ReadAllText(Path.Combine(repo.Path, "app", "compose.yaml")), Does.Not.Contain("version"));
        });
    }

    [Test]
    public void Without_paths_the_current_directory_is_named()
    {
        using var repo = Sample();
        Directory.CreateDirectory(Path.Combine(repo.Path, ".git"));

        // Run from airflow/: the root is still the repository (it has .git), the report is about airflow/ only.
        var (_, output, _) = Run(Path.Combine(repo.Path, "airflow"), "check");

        Assert.That(output, Does.StartWith("airflow.service(4,1): error HNL2001").And.EndWith("in 3 files\n"));
    }

    private static TempDirectory Sample() => TempDirectory.CopyOf(Repository.SampleDeployment);

    private static (int Exit, string Output, string Error) Run(string directory, params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var exit = CliApplication.Run(args, output, error, directory);
        return (exit, output.ToString(), error.ToString());
    }
}
