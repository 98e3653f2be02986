using System.Diagnostics;
using HostNetLint.Reporting.Sarif;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Sarif;

/// <summary>
/// Sarif.dll references TraceEvent (Microsoft.Diagnostics.Tracing), which we do not ship; writing SARIF
/// must never load it. Checked in this process and in a fresh one, where nothing else has loaded anything.
/// </summary>
[TestFixture]
public sealed class SarifProcessTests
{
    private const string TracingPrefix = "Microsoft.Diagnostics.Tracing";

    [Test]
    public void Writing_SARIF_in_this_process_loads_no_tracing_assembly()
    {
        WrittenSarif.Of(HandMadeFindings.Sample()).AssertAcceptedByCodeScanning();

        var loaded = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? string.Empty).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(loaded, Does.Contain("Sarif").And.Contain("Newtonsoft.Json"));
            Assert.That(loaded, Has.None.StartsWith(TracingPrefix));
        });
    }

    [Test]
    public void Writing_SARIF_in_a_fresh_process_loads_no_tracing_assembly()
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
            Assert.That(loaded, Does.Contain("Sarif").And.Contain("Newtonsoft.Json"), "the probe really wrote SARIF");
            Assert.That(loaded, Has.None.StartsWith(TracingPrefix));
            Assert.That(loaded, Has.None.StartsWith("nunit"), "nothing but the writer's own dependencies was loaded");
        });
    }

    [Test]
    [Category("EndToEnd")]
    public void The_CLI_writes_SARIF_without_loading_a_tracing_assembly()
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
            Assert.That(loaded, Does.Contain("Sarif"));
            Assert.That(loaded, Has.None.StartsWith(TracingPrefix));
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
