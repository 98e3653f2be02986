using System.Diagnostics;
using System.Runtime.InteropServices;
using HostNetLint.Tests.Sarif;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Distribution;

/// <summary>
/// Publishes the CLI as a Native AOT binary (the machine's gcc links it) and checks it behaves exactly
/// like the JIT build: same findings, same exit code, and SARIF that still serializes under trimming.
/// </summary>
[TestFixture]
[Category("EndToEnd")]
[NonParallelizable]
public sealed class NativeAotTests
{
    [Test]
    public void The_AOT_binary_reports_what_the_JIT_build_reports_and_writes_valid_SARIF()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            Assert.Ignore("The AOT check publishes for linux-x64 only.");
        }

        using var temp = new TempDirectory();
        var publish = DotnetProcess.Run(
            Repository.Root,
            TimeSpan.FromMinutes(10),
            "publish", Path.Combine("src", "HostNetLint.Cli", "HostNetLint.Cli.csproj"), "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-o", temp.Path);
        Assert.That(publish.ExitCode, Is.Zero, publish.ToString());
        Assert.That(publish.Output, Does.Not.Contain("warning IL"), "no trim or AOT warning is left unexplained");

        var native = Path.Combine(temp.Path, "hostnetlint");
        var jit = Path.Combine(TestContext.CurrentContext.TestDirectory, "hostnetlint.dll");
        var fromNative = Run(native, "check", "tests/sample-deployment");
        var fromJit = DotnetProcess.Run(Repository.Root, TimeSpan.FromMinutes(2), "exec", jit, "check", "tests/sample-deployment");
        Assert.Multiple(() =>
        {
            Assert.That(fromNative.ExitCode, Is.EqualTo(1));
            Assert.That(fromNative.Output, Is.EqualTo(fromJit.Output));
            Assert.That(fromNative.Output, Does.Contain("error HNL1001"));
        });

        var sarif = Path.Combine(temp.Path, "out.sarif");
        Assert.That(Run(native, "check", "--format", "sarif", "--output", sarif, "tests/sample-deployment").ExitCode, Is.EqualTo(1));
        var bytes = File.ReadAllBytes(sarif);
        Assert.That(SarifSchema.Validate(System.Text.Encoding.UTF8.GetString(bytes)), Is.Empty);
        Assert.That(GitHubSarifRequirements.Check(bytes), Is.Empty);
    }

    private static ProcessResult Run(string executable, params string[] arguments) =>
        ChildProcess.Run(executable, Repository.Root, arguments, TimeSpan.FromMinutes(1));
}
