using System.Globalization;
using HostNetLint.Tests.Sarif;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.MSBuild;

/// <summary>
/// Packs HostNetLint.MSBuild into a private feed and builds a deployment repository with no C# in it
/// (a Microsoft.Build.NoTargets deploy.proj) with the real <c>dotnet build</c>. Every run uses a unique
/// package version and its own packages folder, so nothing in the user's NuGet cache breaks a rerun.
/// Needs the public NuGet source for Microsoft.Build.NoTargets.
/// </summary>
[TestFixture]
[Category("EndToEnd")]
[NonParallelizable]
public sealed class MSBuildPackageEndToEndTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [Test]
    public void A_deployment_repo_fails_its_build_on_findings_writes_SARIF_fixes_with_a_property_and_skips_the_lint_when_nothing_changed()
    {
        using var temp = new TempDirectory();
        var feed = Path.Combine(temp.Path, "feed");
        var version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        var pack = DotnetProcess.Run(
            Repository.Root,
            Timeout,
            "pack", Path.Combine("src", "HostNetLint.MSBuild", "HostNetLint.MSBuild.csproj"), "-c", Configuration,
            "-p:HostNetLintPackTask=true", $"-p:Version={version}", "-o", feed);
        Assert.That(pack.ExitCode, Is.Zero, pack.ToString());

        var repo = Path.Combine(temp.Path, "deploy");
        CopyDirectory(Repository.SampleDeployment, repo);
        File.WriteAllText(Path.Combine(repo, "deploy.proj"), $"""
            <Project Sdk="Microsoft.Build.NoTargets/3.7.0">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <HostNetLintSarifFile>$(MSBuildProjectDirectory)/hostnetlint.sarif</HostNetLintSarifFile>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="HostNetLint.MSBuild" Version="{version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(repo, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="{Path.Combine(temp.Path, "packages")}" /></config>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);

        var failing = DotnetProcess.Run(repo, Timeout, "build", "deploy.proj");
        var compose = Path.Combine(repo, "airflow", "docker-compose.yaml");
        Assert.Multiple(() =>
        {
            Assert.That(failing.ExitCode, Is.Not.Zero, failing.ToString());
            Assert.That(failing.Output, Does.Contain($"{compose}(25,3,25,20): error HNL1001: Workload 'airflow-webserver'"));
            Assert.That(failing.Output, Does.Contain($"{compose}(31,3,31,20): error HNL1001: Workload 'airflow-scheduler'"));
            Assert.That(failing.Output, Does.Contain($"{compose}(3,1,3,8): message HNL3001:"));
            Assert.That(failing.Output, Does.Contain($"{Path.Combine(repo, "airflow", "airflow.service")}(4,1,4,6): error HNL2001: Unit 'airflow.service' is not ordered after libvirt"));
        });
        var sarif = File.ReadAllBytes(Path.Combine(repo, "hostnetlint.sarif"));
        Assert.That(SarifSchema.Validate(System.Text.Encoding.UTF8.GetString(sarif)), Is.Empty);
        Assert.That(GitHubSarifRequirements.Check(sarif), Is.Empty);

        // A failing build left no stamp, so the same build lints (and fails) again.
        Assert.That(DotnetProcess.Run(repo, Timeout, "build", "deploy.proj").ExitCode, Is.Not.Zero);

        // -p:HostNetLintFix=true fixes the files during the build, then lints what is left (HNL1006 has no fix: a warning).
        var fixing = DotnetProcess.Run(repo, Timeout, "build", "deploy.proj", "-p:HostNetLintFix=true");
        Assert.Multiple(() =>
        {
            Assert.That(fixing.ExitCode, Is.Zero, fixing.ToString());
            Assert.That(fixing.Output, Does.Contain("HostNetLint fixed airflow/docker-compose.yaml"));
            Assert.That(File.ReadAllText(compose), Does.Contain("network_mode: host").And.Not.Contain("version: '3.8'"));
            Assert.That(File.ReadAllText(Path.Combine(repo, "airflow", "airflow.service")), Does.Contain("libvirtd.service"));
        });

        var unchanged = DotnetProcess.Run(repo, Timeout, "build", "deploy.proj", "-v:d");
        Assert.Multiple(() =>
        {
            Assert.That(unchanged.ExitCode, Is.Zero, unchanged.ToString());
            Assert.That(unchanged.Output, Does.Contain("Skipping target \"HostNetLint\" because all output files are up-to-date"));
        });
    }

    private static string Configuration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    private static void CopyDirectory(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
