using System.Diagnostics;
using System.Runtime.InteropServices;
using HostNetLint.Tests.CiFormats;
using HostNetLint.Tests.Cli;
using HostNetLint.Tests.LanguageServer;
using HostNetLint.Tests.Sarif;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Distribution;

/// <summary>
/// Publishes the CLI as a Native AOT binary (the machine's gcc links it) and checks it behaves exactly
/// like the JIT build: same findings, same exit code, SARIF that still serializes under trimming, every CI report
/// format byte for byte as its golden file, and a language server that passes the JIT build's protocol scenarios.
/// </summary>
[TestFixture]
[Category("EndToEnd")]
[NonParallelizable]
public sealed class NativeAotTests
{
    [Test]
    public async Task The_AOT_binary_reports_what_the_JIT_build_reports_and_writes_valid_SARIF()
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

        // Start-up (README "Benchmarks"): the loader maps the type data from the file instead of the runtime rebuilding it
        // into fresh pages at every start (51 -> 23 ms here).
        Assert.That(ToolPackaging.HasStartUpLayout(native), Is.True, "a fixed-address executable without dehydrated data");

        // The file reader's Linux calls are linked against glibc (DirectPInvoke): bound lazily, the first one asked for
        // its calling assembly, which starts the reflection runtime (about 1 ms of every run).
        var imports = ChildProcess.Run("nm", temp.Path, ["--dynamic", "--undefined-only", native]);
        Assert.That(imports.Output, Does.Match(@"\bstatx@").And.Match(@"\bfchown@"), "open, statx and fchown are imported from glibc");

        var jit = Path.Combine(TestContext.CurrentContext.TestDirectory, "hostnetlint.dll");
        var fromNative = Run(native, "check", "tests/sample-deployment");
        var fromJit = DotnetProcess.Run(Repository.Root, TimeSpan.FromMinutes(2), "exec", jit, "check", "tests/sample-deployment");
        Assert.Multiple(() =>
        {
            Assert.That(fromNative.ExitCode, Is.EqualTo(1));
            Assert.That(fromNative.Output, Is.EqualTo(fromJit.Output));
            Assert.That(fromNative.Output, Does.Contain("error HNL1001"));
        });

        // Standard output without System.Console's terminal set-up still ends quietly when its reader leaves.
        StandardOutputTests.AssertQuietWhenTheReaderLeaves($"'{native}'");

        var sarif = Path.Combine(temp.Path, "out.sarif");
        Assert.That(Run(native, "check", "--format", "sarif", "--output", sarif, "tests/sample-deployment").ExitCode, Is.EqualTo(1));
        var bytes = File.ReadAllBytes(sarif);
        Assert.That(SarifSchema.Validate(System.Text.Encoding.UTF8.GetString(bytes)), Is.Empty);
        Assert.That(GitHubSarifRequirements.Check(bytes), Is.Empty);

        // Every CI format under AOT (System.Text.Json writers, XmlWriter): the golden bytes the JIT build is held to, on the
        // sample and on hostile names, the job summary included; the problem matcher and the report schema beside the binary.
        AssertGoldenReports(native, Repository.Root, ["tests/sample-deployment"], "sample-deployment", temp.Path);
        using (var hostileNames = new TempDirectory())
        {
            AssertGoldenReports(native, Reports.WriteHostile(hostileNames), [], "hostile-names", temp.Path);
        }

        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(Path.Combine(temp.Path, "hostnetlint-problem-matcher.json")), Is.True, "the problem matcher ships beside the binary");
            Assert.That(File.Exists(Path.Combine(temp.Path, "hostnetlint-report.schema.json")), Is.True, "the JSON report schema ships beside the binary");
        });

        // The P/Invoke paths (open without blocking, statx, fchown) and DiffPlex under AOT: a FIFO is refused at once,
        // the dry-run diff is the JIT build's, and a fix keeps the file's owner and group.
        var hostile = Path.Combine(temp.Path, "hostile");
        HostileFileSystem.MakeFifo(Path.Combine(hostile, "fifo", "docker-compose.yml"));
        var compose = Path.Combine(hostile, "app", "compose.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(compose)!);
        File.WriteAllText(compose, "version: '3'\nservices:\n  web:\n    image: nginx\n");
        var owned = ChildProcess.Run("chown", hostile, ["1234:5678", compose]).ExitCode == 0;
        var check = ChildProcess.Run(native, hostile, ["check"], HostileFileSystem.HangGuard);
        var dryRun = ChildProcess.Run(native, hostile, ["fix", "--dry-run"], HostileFileSystem.HangGuard);
        var jitDryRun = DotnetProcess.Run(hostile, TimeSpan.FromMinutes(2), "exec", jit, "fix", "--dry-run");
        var fix = ChildProcess.Run(native, hostile, ["fix"], HostileFileSystem.HangGuard);
        var status = HostNetLint.Parsing.IO.BoundedFileReader.Read(compose, 1024).Status!;
        Assert.Multiple(() =>
        {
            Assert.That(check.Output, Does.Contain("fifo/docker-compose.yml(1,1): error HNL0001: The file could not be read: it is a FIFO (named pipe), not a regular file."));
            Assert.That(dryRun.Output, Is.EqualTo(jitDryRun.Output));
            Assert.That(dryRun.Output, Does.Contain("-version: '3'\n"));
            Assert.That(fix.Output, Does.Contain("fixed app/compose.yaml: 1 edit (HNL3001)"));
            Assert.That(File.ReadAllText(compose), Does.Not.Contain("version"));
            if (owned)
            {
                Assert.That((status.Owner, status.Group), Is.EqualTo(((uint?)1234, (uint?)5678)));
            }
        });

        // hostnetlint lsp in the AOT binary: the protocol scenarios the JIT build passes (System.Text.Json source generation).
        await LanguageServerScenarios.RunAll(directory => LspTestClient.Start(native, directory, "lsp"));
    }

    private static void AssertGoldenReports(string native, string directory, string[] paths, string input, string scratch)
    {
        Assert.Multiple(() =>
        {
            foreach (var (format, file) in Reports.Formats)
            {
                var summary = Path.Combine(scratch, $"{input}-{format}-summary.md");
                var environment = new Dictionary<string, string?> { ["GITHUB_WORKSPACE"] = null, ["GITHUB_STEP_SUMMARY"] = format == "github" ? summary : null };
                var run = ChildProcess.Run(native, directory, ["check", "--format", format, .. paths], TimeSpan.FromMinutes(1), environment);
                Assert.That(run.ExitCode, Is.EqualTo(1), run.Output);
                Assert.That(System.Text.Encoding.UTF8.GetBytes(Reports.Normalize(run.Output)), Is.EqualTo(File.ReadAllBytes(Golden.PathOf($"{input}/{file}"))), $"{input}, --format {format}");
                if (format == "github")
                {
                    Assert.That(File.ReadAllBytes(summary), Is.EqualTo(File.ReadAllBytes(Golden.PathOf($"{input}/{Reports.SummaryFile}"))), $"{input}, job summary");
                }
            }
        });
    }

    private static ProcessResult Run(string executable, params string[] arguments) =>
        ChildProcess.Run(executable, Repository.Root, arguments, TimeSpan.FromMinutes(1));
}
