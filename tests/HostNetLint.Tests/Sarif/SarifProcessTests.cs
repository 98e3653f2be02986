using System.Diagnostics;
using HostNetLint.Reporting.Sarif;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Sarif;

/// <summary>
/// The product writes SARIF itself (SarifJsonWriter): neither the SARIF SDK nor Newtonsoft.Json is loaded, in a fresh
/// process where nothing else has loaded anything, or in the CLI. The SDK is the tests' oracle only; it references
/// TraceEvent (Microsoft.Diagnostics.Tracing), which we do not have, and must read and write a log without it.
/// </summary>
[TestFixture]
public sealed class SarifProcessTests
{
    private const string TracingPrefix = "Microsoft.Diagnostics.Tracing";

    [Test]
    public void The_SDK_oracle_reads_and_writes_a_log_without_a_tracing_assembly()
    {
        // WrittenSarif holds the log to the SDK's reading and writing of it.
        WrittenSarif.Of(HandMadeFindings.Sample()).AssertAcceptedByCodeScanning();

        var loaded = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? string.Empty).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(loaded, Does.Contain("Sarif").And.Contain("Newtonsoft.Json"));
            Assert.That(loaded, Has.None.StartsWith(TracingPrefix));
        });
    }

    [Test]
    public void Writing_SARIF_in_a_fresh_process_loads_neither_the_SDK_nor_Newtonsoft()
    {
        using var temp = new TempDirectory();
        var sarif = Path.Combine(temp.Path, "results.sarif");
        var assemblies = Path.Combine(temp.Path, "assemblies.txt");

        // This test assembly is an executable with an empty Main; the startup hook does the work.
        var testAssembly = typeof(SarifProcessProbe).Assembly.Location;
        var exit = RunDotnet(["exec", testAssembly], testAssembly, new() { [SarifProcessProbe.AssembliesVariable] = assemblies, [SarifProcessProbe.SarifVariable] = sarif });

        var loaded = File.ReadAllLines(assemblies);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero);
            Assert.That(GitHubSarifRequirements.Check(File.ReadAllBytes(sarif)), Is.Empty);
            Assert.That(loaded, Does.Contain("HostNetLint.Reporting"), "the probe really wrote SARIF");
            Assert.That(loaded, Has.None.EqualTo("Sarif").And.None.EqualTo("Newtonsoft.Json").And.None.StartsWith(TracingPrefix));
            Assert.That(loaded, Has.None.StartsWith("nunit"), "nothing but the writer's own dependencies was loaded");
        });
    }

    [Test]
    [Category("EndToEnd")]
    public void The_CLI_writes_SARIF_without_loading_the_SDK_or_Newtonsoft()
    {
        using var temp = new TempDirectory();
        var sarif = Path.Combine(temp.Path, "results.sarif");
        var assemblies = Path.Combine(temp.Path, "assemblies.txt");
        var cli = Path.Combine(TestContext.CurrentContext.TestDirectory, "hostnetlint.dll");

        var exit = RunDotnet(
            ["exec", cli, "check", "--format", "sarif", "--output", sarif, Repository.SampleDeployment],
            typeof(SarifProcessProbe).Assembly.Location,
            new() { [SarifProcessProbe.AssembliesVariable] = assemblies });

        var loaded = File.ReadAllLines(assemblies);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1), "the sample deployment has findings");
            Assert.That(File.Exists(sarif), Is.True, "--output was written");
            Assert.That(loaded, Does.Contain("HostNetLint.Reporting"));
            Assert.That(loaded, Has.None.EqualTo("Sarif").And.None.EqualTo("Newtonsoft.Json").And.None.StartsWith(TracingPrefix));
        });
        Assert.That(GitHubSarifRequirements.Check(File.ReadAllBytes(sarif)), Is.Empty);
    }

    private static int RunDotnet(string[] arguments, string startupHook, Dictionary<string, string> environment)
    {
        var variables = environment.ToDictionary(e => e.Key, e => (string?)e.Value);
        variables["DOTNET_STARTUP_HOOKS"] = startupHook;
        var result = ChildProcess.Run(DotnetProcess.Host, Environment.CurrentDirectory, arguments, environment: variables);
        TestContext.Out.WriteLine(result.Output);
        return result.ExitCode;
    }
}
