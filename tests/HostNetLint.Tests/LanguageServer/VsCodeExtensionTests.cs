using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.LanguageServer;

/// <summary>
/// The VS Code extension (src/vscode-hostnetlint) under Node's own test runner, without npm: stand-ins for the
/// <c>vscode</c> API and <c>vscode-languageclient</c> record what it asks for, and the stand-in client starts the server
/// command the extension builds (here a script running this build) and completes an LSP handshake with it. Ignored
/// with a message when node is not installed.
/// </summary>
[TestFixture]
[Category("EndToEnd")]
public sealed class VsCodeExtensionTests
{
    [Test]
    public void The_extension_starts_hostnetlint_lsp_for_the_documents_hostnetlint_reads()
    {
        if (OperatingSystem.IsWindows() || !ChildProcess.IsOnPath("node"))
        {
            Assert.Ignore("node is not installed (or this is Windows, where the stand-in server is a shell script); the VS Code extension's tests did not run.");
            return;
        }

        using var temp = new TempDirectory();
        var server = temp.Write("hostnetlint", $"#!/bin/sh\nexec '{DotnetProcess.Host}' exec '{Path.Combine(TestContext.CurrentContext.TestDirectory, "hostnetlint.dll")}' \"$@\"\n");
        File.SetUnixFileMode(server, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var extension = Path.Combine(Repository.Root, "src", "vscode-hostnetlint");
        var run = ChildProcess.Run("node", extension, ["--test", "test/"], TimeSpan.FromMinutes(2), new Dictionary<string, string?> { ["HOSTNETLINT_TEST_SERVER"] = server });
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Output, Does.Contain("# pass 3").And.Contain("# fail 0"), run.ToString());
    }
}
