using System.Runtime.InteropServices;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Cli;

/// <summary>
/// The CLI's standard output (Output/StandardOutput.cs) writes descriptor 1 itself, without System.Console's terminal
/// set-up, and must behave as Console.Out did: the console's encoding without a byte-order mark, and a reader that
/// goes away early (<c>| head</c>) ends the run quietly with the linter's own exit code. The process runs under bash
/// so the bytes are read as written and the pipe can be closed early. <see cref="Distribution.NativeAotTests"/>
/// runs <see cref="AssertQuietWhenTheReaderLeaves"/> through the AOT binary too.
/// </summary>
[TestFixture]
[Category("EndToEnd")]
public sealed class StandardOutputTests
{
    private static string JitCommand => $"'{DotnetProcess.Host}' exec '{Path.Combine(TestContext.CurrentContext.TestDirectory, "hostnetlint.dll")}'";

    [SetUp]
    public void RequireLinux()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            Assert.Ignore("Standard output is written directly on Linux only; elsewhere it is Console.Out.");
        }
    }

    [Test]
    public void A_reader_that_closes_the_pipe_early_ends_the_run_quietly_with_the_linters_exit_code() =>
        AssertQuietWhenTheReaderLeaves(JitCommand);

    [TestCase("C.UTF-8", new byte[] { 0xC3, 0xA9 })]
    [TestCase("en_US.ISO-8859-1", new byte[] { 0xE9 })]
    public void Output_is_in_the_locales_encoding_without_a_byte_order_mark(string locale, byte[] accentedE)
    {
        using var temp = new TempDirectory();
        temp.Write("café/compose.yaml", "version: '3'\nservices:\n  web:\n    image: nginx\n");
        var run = Bash(temp.Path, $"{JitCommand} check > out 2> err", locale);
        var output = File.ReadAllBytes(Path.Combine(temp.Path, "out"));
        byte[] expected = [.. "caf"u8, .. accentedE, .. "/compose.yaml(1,1): note HNL3001"u8];

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Output);
            Assert.That(File.ReadAllText(Path.Combine(temp.Path, "err")), Is.Empty);
            Assert.That(output.Take(expected.Length), Is.EqualTo(expected), "the path as the first bytes: no byte-order mark, the locale's encoding");
        });
    }

    /// <summary>
    /// The reports other programs read are UTF-8 whatever the locale (JSON and XML say so; GitHub reads workflow commands
    /// so): under Latin-1 the text format writes é as E9, these as C3 A9, and every byte is valid UTF-8. SARIF goes the
    /// same way, but its URIs percent-encode the path.
    /// </summary>
    [TestCase("json")]
    [TestCase("junit")]
    [TestCase("gitlab")]
    [TestCase("github")]
    public void Reports_for_programs_are_UTF8_under_any_locale(string format)
    {
        using var temp = new TempDirectory();
        temp.Write("café/compose.yaml", "version: '3'\nservices:\n  web:\n    image: nginx\n");
        var run = Bash(temp.Path, $"{JitCommand} check --format {format} > out 2> err", "en_US.ISO-8859-1");
        var output = File.ReadAllBytes(Path.Combine(temp.Path, "out"));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Output);
            Assert.That(File.ReadAllText(Path.Combine(temp.Path, "err")), Is.Empty);
            Assert.That(() => new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(output), Throws.Nothing, "valid UTF-8");
            Assert.That(System.Text.Encoding.UTF8.GetString(output), Does.Contain("café"));
            Assert.That(output.Take(3), Is.Not.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "no byte-order mark");
        });
    }

    /// <summary>The dry-run diff is UTF-8 as the files are, under any locale, so that <c>git apply</c> takes it.</summary>
    [Test]
    public void The_dry_run_diff_is_UTF8_under_any_locale()
    {
        using var temp = new TempDirectory();
        temp.Write("app/compose.yaml", "# café\nversion: '3'\nservices:\n  web:\n    image: nginx\n");
        var run = Bash(temp.Path, $"{JitCommand} fix --dry-run > out 2> err", "en_US.ISO-8859-1");
        var output = File.ReadAllBytes(Path.Combine(temp.Path, "out"));

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(Path.Combine(temp.Path, "err")), Is.Empty, run.Output);
            Assert.That(() => new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(output), Throws.Nothing, "valid UTF-8");
            Assert.That(System.Text.Encoding.UTF8.GetString(output), Does.Contain(" # café\n-version: '3'\n"));
        });
    }

    /// <summary>
    /// SARIF of the sample (about 300 KB) fills the pipe, and <c>head</c> leaves after 100 bytes: every later write
    /// fails with EPIPE, which must neither print an error nor change the exit code (1: the sample has errors).
    /// </summary>
    internal static void AssertQuietWhenTheReaderLeaves(string command)
    {
        using var temp = new TempDirectory();
        var error = Path.Combine(temp.Path, "err");
        var run = Bash(Repository.Root, $"{command} check --format sarif tests/sample-deployment 2> '{error}' | head -c 100 > /dev/null; exit \"${{PIPESTATUS[0]}}\"", locale: "C.UTF-8");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), "the linter's exit code, not a failure");
            Assert.That(File.ReadAllText(error), Is.Empty, "nothing on standard error");
        });
    }

    private static ProcessResult Bash(string directory, string script, string locale) =>
        ChildProcess.Run("bash", directory, ["-c", script], TimeSpan.FromMinutes(2), new Dictionary<string, string?> { ["LANG"] = locale, ["LC_ALL"] = locale });
}
