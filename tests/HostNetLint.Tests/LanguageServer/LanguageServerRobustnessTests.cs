using System.Text;
using HostNetLint.Hosting;
using HostNetLint.Model;

namespace HostNetLint.Tests.LanguageServer;

/// <summary>
/// A lint that throws (a bug) must not take the server down: an in-process server over pipes, whose model builder
/// throws for buffers holding a marker, is spoken to by the same client.
/// </summary>
[TestFixture]
public sealed class LanguageServerRobustnessTests
{
    private const string Marker = "# throw-in-the-model-builder";

    [Test]
    public async Task A_lint_that_throws_is_logged_and_the_server_keeps_serving()
    {
        var run = new LintRun
        {
            BuildModel = (root, paths, options) => options.Overlay.Values.Any(b => Encoding.UTF8.GetString(b).Contains(Marker, StringComparison.Ordinal))
                ? throw new InvalidOperationException("injected failure")
                : DeploymentModelBuilder.Build(root, paths, options),
        };
        await using var session = await SampleSession.StartAsync(_ => LspTestClient.StartInProcess(run));
        var client = session.Client;
        var compose = session.PathOf(LanguageServerScenarios.Compose);
        var text = File.ReadAllText(compose);
        await client.OpenAsync(compose, Marker + "\n" + text);

        var log = await client.WaitForAsync(m => (string?)m["method"] == "window/logMessage", "a log message about the failure");
        Assert.That((int?)log["params"]!["type"], Is.EqualTo(1), "an error");
        Assert.That((string?)log["params"]!["message"], Does.Contain("injected failure").And.Contain("the server goes on"));

        // Requests about the failed version are answered (with nothing), not left waiting.
        Assert.That((await client.RequestAsync("textDocument/codeAction", LanguageServerScenarios.CodeActionAt(compose, 25, 2)))!.AsArray(), Is.Empty);

        await client.ChangeAsync(compose, 2, text);
        Assert.That(await client.DiagnosticsAsync(compose, 2), Has.Count.EqualTo(4));
        Assert.That(await client.RequestAsync("shutdown", null), Is.Null);
        await client.NotifyAsync("exit", null);
        Assert.That(await client.ExitCodeAsync(), Is.Zero);
    }

    [Test]
    public async Task Input_that_is_not_the_base_protocol_ends_the_server_with_1()
    {
        await using var client = LspTestClient.StartInProcess(new LintRun());
        await client.SendUnframedAsync("Content-Type: application/vscode-jsonrpc\r\n\r\n{}");
        Assert.That(await client.ExitCodeAsync(), Is.EqualTo(1));
    }
}
