using HostNetLint.Tests.TestSupport;
using static HostNetLint.Tests.TestSupport.ToolPackaging;

namespace HostNetLint.Tests.Distribution;

/// <summary>
/// Runs this repository's pre-commit hook the way a user's pre-commit does: a deployment repository's
/// <c>.pre-commit-config.yaml</c> names this repository at a commit, pre-commit clones it, packs it with
/// <c>dotnet pack</c>, installs every package as a .NET tool and runs the hook. The commit is a shadow of the working
/// tree (HEAD plus uncommitted changes and untracked files, as <c>pre-commit try-repo</c> makes), so the environment
/// pre-commit installed can be inspected afterwards. The package is Native AOT where the packing machine can link
/// it and framework-dependent elsewhere (HostNetLint.Cli.csproj); both are installed and run here.
/// Needs git and pre-commit on PATH (.ci/run installs Debian's package).
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
        var (hookRepository, commit) = ShadowRepository(temp.Path);
        var repo = Path.Combine(temp.Path, "deploy");
        foreach (var file in Directory.EnumerateFiles(Repository.SampleDeployment, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(repo, Path.GetRelativePath(Repository.SampleDeployment, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        File.WriteAllText(Path.Combine(repo, ".pre-commit-config.yaml"), $"repos:\n  - repo: {hookRepository}\n    rev: {commit}\n    hooks:\n      - id: hostnetlint\n");
        Git(repo, "init", "-q");
        Git(repo, "add", "-A");
        Git(repo, "-c", "user.name=test", "-c", "user.email=test@example.invalid", "commit", "-qm", "sample");

        // pre-commit `dotnet tool install`s every package the root `dotnet pack` produced, so the hook
        // running at all shows that only the tool package was packed (the MSBuild package would fail to install).
        var home = Path.Combine(temp.Path, "pre-commit-home");
        var result = ChildProcess.Run("pre-commit", repo, ["run", "--all-files"], ToolPackaging.Timeout, new Dictionary<string, string?>
        {
            ["PRE_COMMIT_HOME"] = home,
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        });
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.Output);
            Assert.That(result.Output, Does.Contain("airflow/docker-compose.yaml(25,3): error HNL1001: Workload 'airflow-webserver'"));
            Assert.That(result.Output, Does.Contain("airflow/airflow.service(4,1): error HNL2001:"));
        });

        // What pre-commit installed is the package the project decides on for this machine (CI can link Native AOT):
        // the command links to the native binary itself, or to the apphost of the framework-dependent tool.
        var command = Directory.EnumerateFiles(home, "hostnetlint", SearchOption.AllDirectories)
            .Single(path => Path.GetFileName(Path.GetDirectoryName(path)) == "bin");
        var native = PackingDecision() == "true";
        TestContext.Out.WriteLine($"this machine packs the {(native ? "Native AOT" : "framework-dependent")} tool");
        AssertInstalledTool(command, native);
    }

    /// <summary>Where the packing machine cannot link Native AOT (or it is switched off), the tool is framework-dependent and still runs.</summary>
    [Test]
    public void The_framework_dependent_fallback_packs_installs_and_runs()
    {
        if (!ChildProcess.IsOnPath("git"))
        {
            Assert.Ignore("git is not on PATH: the package is packed from a clean copy of the repository.");
        }

        using var temp = new TempDirectory();
        var (clone, _) = ShadowRepository(temp.Path);

        // The SDK packs every file of the publish folder: what an earlier publish left there must not be packed.
        var publishDirectory = DotnetProcess.Run(clone, ToolPackaging.Timeout, "msbuild", Path.Combine("src", "HostNetLint.Cli", "HostNetLint.Cli.csproj"), "-p:Configuration=Release", "-p:_IsPacking=true", "-p:HostNetLintNativeTool=false", "-getProperty:PublishDir").Output.Trim().Replace('\\', '/');
        var stale = Path.Combine(clone, "src", "HostNetLint.Cli", publishDirectory, "hostnetlint.dbg");
        Directory.CreateDirectory(Path.GetDirectoryName(stale)!);
        File.WriteAllText(stale, "left by an earlier Native AOT publish");
        var packages = Path.Combine(temp.Path, "packages");
        // As a pre-commit user forces it (README "Install"): pre-commit's pack takes no properties, but MSBuild reads
        // the environment's variables as properties.
        var pack = DotNet(clone, "pack", "--configuration", "Release", $"-p:PackageOutputPath={packages}");
        Assert.That(pack.ExitCode, Is.Zero, pack.Output);

        Assert.That(Directory.GetFiles(packages, "*.nupkg").Select(Path.GetFileName), Has.Exactly(1).Items.And.All.StartWith("HostNetLint.Tool."), "one package, the tool");
        var command = InstallTool(temp.Path, packages, "fallback");
        AssertInstalledTool(command, native: false);
        AssertReportsTheSample(command);

        ProcessResult DotNet(string directory, params string[] arguments) =>
            DotnetProcess.Run(directory, ToolPackaging.Timeout, new Dictionary<string, string?> { ["HostNetLintNativeTool"] = "false" }, arguments);
    }

    /// <summary>
    /// The native tool is one self-contained executable (no IL entry point, no runtime configuration beside it); the
    /// framework-dependent one is an apphost beside <c>hostnetlint.dll</c> and its runtime configuration.
    /// </summary>
    private static void AssertInstalledTool(string command, bool native)
    {
        var target = File.ResolveLinkTarget(command, returnFinalTarget: true)?.FullName ?? command;
        var directory = Path.GetDirectoryName(target)!;
        Assert.Multiple(() =>
        {
            Assert.That(IsElf(target), Is.True, $"{target} is an executable");
            Assert.That(File.Exists(Path.Combine(directory, "hostnetlint.dll")), Is.EqualTo(!native), $"hostnetlint.dll beside {target}");
            Assert.That(File.Exists(Path.Combine(directory, "hostnetlint.runtimeconfig.json")), Is.EqualTo(!native), $"hostnetlint.runtimeconfig.json beside {target}");
            Assert.That(Directory.GetFiles(directory, "*.dbg"), Is.Empty, "native symbols stay out of the package");
            if (native)
            {
                Assert.That(HasStartUpLayout(target), Is.True, "the AOT binary's start-up layout (fixed address, no dehydrated data)");
            }
        });
    }
}
