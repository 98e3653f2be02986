using System.Diagnostics;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Distribution;

/// <summary>
/// Runs this repository's pre-commit hook the way a user's pre-commit does (`pre-commit try-repo`): pre-commit
/// packs the repository with `dotnet pack`, installs every package as a .NET tool and runs the hook on a
/// deployment repository. Needs pre-commit on PATH (.ci/run installs Debian's package).
/// </summary>
[TestFixture]
[Category("EndToEnd")]
[NonParallelizable]
public sealed class PreCommitHookTests
{
    [Test]
    public void The_hook_installs_from_this_repository_and_fails_a_commit_with_findings()
    {
        if (!ChildProcess.IsOnPath("pre-commit") || !ChildProcess.IsOnPath("git"))
        {
            Assert.Ignore("pre-commit or git is not on PATH; .ci/run installs pre-commit with apt-get (this test runs wherever apt is available).");
        }

        using var temp = new TempDirectory();
        var repo = Path.Combine(temp.Path, "deploy");
        foreach (var file in Directory.EnumerateFiles(Repository.SampleDeployment, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(repo, Path.GetRelativePath(Repository.SampleDeployment, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        Run(repo, "git", "init", "-q");
        Run(repo, "git", "add", "-A");
        Run(repo, "git", "-c", "user.name=test", "-c", "user.email=test@example.invalid", "commit", "-qm", "sample");

        // pre-commit `dotnet tool install`s every package the root `dotnet pack` produced, so the hook
        // running at all shows that only the tool package was packed (the MSBuild package would fail to install).
        var result = Run(repo, "pre-commit", "try-repo", Repository.Root, "hostnetlint", "--all-files");
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.Output);
            Assert.That(result.Output, Does.Contain("airflow/docker-compose.yaml(25,3): error HNL1001: Workload 'airflow-webserver'"));
            Assert.That(result.Output, Does.Contain("airflow/airflow.service(4,1): error HNL2001:"));
        });

        ProcessResult Run(string directory, string command, params string[] arguments) =>
            ChildProcess.Run(command, directory, arguments, TimeSpan.FromMinutes(10), new Dictionary<string, string?>
            {
                ["PRE_COMMIT_HOME"] = Path.Combine(temp.Path, "pre-commit-home"),
                ["MSBUILDDISABLENODEREUSE"] = "1",
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            });
    }
}
