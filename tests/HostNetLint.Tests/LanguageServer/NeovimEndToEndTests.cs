using System.Text.Json;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.LanguageServer;

/// <summary>
/// Neovim's built-in LSP client (Debian's <c>neovim</c> 0.7) against <c>hostnetlint lsp</c>: headless Neovim opens a copy
/// of the sample's compose file, waits for the HNL1001 diagnostic, applies the preferred code action and checks the
/// buffer and the diagnostics after it. Ignored with a message when <c>nvim</c> is not installed.
/// </summary>
[TestFixture]
[Category("EndToEnd")]
public sealed class NeovimEndToEndTests
{
    [Test]
    public void Neovim_shows_HNL1001_and_applies_its_quick_fix()
    {
        if (!ChildProcess.IsOnPath("nvim"))
        {
            Assert.Ignore("nvim is not installed (Debian: apt-get install neovim); the Neovim end-to-end test did not run.");
        }

        using var sample = LanguageServerScenarios.CopySample();
        var script = Path.Combine(TestContext.CurrentContext.TestDirectory, "LanguageServer", "Neovim", "hostnetlint-e2e.lua");
        var result = Path.Combine(sample.Path, "nvim-result.txt");
        string[] command = [DotnetProcess.Host, "exec", Path.Combine(TestContext.CurrentContext.TestDirectory, "hostnetlint.dll"), "lsp"];
        var run = ChildProcess.Run("nvim", sample.Path, ["--headless", "-u", "NONE", "-c", $"luafile {script}"], TimeSpan.FromMinutes(3), new Dictionary<string, string?>
        {
            ["HOSTNETLINT_CMD"] = JsonSerializer.Serialize(command),
            ["SAMPLE_ROOT"] = sample.Path,
            ["RESULT_FILE"] = result,
            ["XDG_STATE_HOME"] = Path.Combine(sample.Path, ".nvim-state"),
            ["XDG_CACHE_HOME"] = Path.Combine(sample.Path, ".nvim-cache"),
        });

        Assert.That(File.Exists(result), Is.True, run.ToString());
        var lines = File.ReadAllLines(result);
        Assert.Multiple(() =>
        {
            Assert.That(lines, Does.Contain("ok=true"), string.Join('\n', lines) + "\n" + run);
            Assert.That(lines, Does.Contain("diagnostics=HNL1001@24:2,HNL1001@30:2,HNL1001@34:2,HNL3001@2:0"));
            Assert.That(lines, Does.Contain("action=Add network_mode: host to 'x-airflow-common' and remove networks:"));
            Assert.That(lines, Does.Contain("applied=network_mode"));
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
        });
    }
}
