using System.Text.Json.Nodes;
using HostNetLint.Cli;
using HostNetLint.LanguageServer.JsonRpc;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.LanguageServer;

/// <summary>
/// Protocol-level scenarios against a server started by the caller (the JIT build here, the Native AOT binary in the
/// distribution test), each on its own copy of tests/sample-deployment. Positions are the sample's, zero-based.
/// </summary>
public static class LanguageServerScenarios
{
    public const string Compose = "airflow/docker-compose.yaml";
    public const string Unit = "airflow/airflow.service";

    /// <summary>A client with everything the server adapts to: versioned edits, markdown hover, resolvable code actions, file watching.</summary>
    public static JsonObject FullClient() => new()
    {
        ["workspace"] = new JsonObject
        {
            ["workspaceEdit"] = new JsonObject { ["documentChanges"] = true },
            ["didChangeWatchedFiles"] = new JsonObject { ["dynamicRegistration"] = true },
        },
        ["textDocument"] = new JsonObject
        {
            ["hover"] = new JsonObject { ["contentFormat"] = new JsonArray("markdown", "plaintext") },
            ["codeAction"] = new JsonObject { ["resolveSupport"] = new JsonObject { ["properties"] = new JsonArray("edit") } },
        },
    };

    public static TempDirectory CopySample() => TempDirectory.CopyOf(Path.Combine(Repository.Root, "tests", "sample-deployment"));

    /// <summary>Every scenario a server binary must pass, in one go (for the slow AOT publish).</summary>
    public static async Task RunAll(Func<string, LspTestClient> start)
    {
        await InitializeAnnouncesCapabilitiesAndShutsDownWithExitCode0(start);
        await DiagnosticsAfterOpenHaveExactRanges(start);
        await ChangeClearsAFinding(start);
        await CrossFileFindingsFollowUnsavedBuffers(start);
        await FixAllInFileEqualsTheCliFixByteForByte(start);
        await LightBulbOffersThePreferredFixFixAllAndSuppress(start);
        await HoverShowsTheRuleTitleWhyAndLink(start);
        await CancelledRequestIsAnsweredWithRequestCancelled(start);
        await ExitWithoutShutdownEndsWithExitCode1(start);
    }

    public static async Task InitializeAnnouncesCapabilitiesAndShutsDownWithExitCode0(Func<string, LspTestClient> start)
    {
        using var sample = CopySample();
        await using var client = start(sample.Path);
        var result = await client.InitializeAsync(sample.Path, FullClient());
        var capabilities = result["capabilities"]!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)capabilities["positionEncoding"], Is.EqualTo("utf-16"));
            Assert.That((bool?)capabilities["textDocumentSync"]!["openClose"], Is.True);
            Assert.That((int?)capabilities["textDocumentSync"]!["change"], Is.EqualTo(2), "incremental sync");
            Assert.That(capabilities["textDocumentSync"]!["save"], Is.Not.Null);
            Assert.That(capabilities["codeActionProvider"]!["codeActionKinds"]!.AsArray().Select(k => (string?)k), Is.EqualTo(new[] { "quickfix", "source.fixAll.hostnetlint" }));
            Assert.That((bool?)capabilities["codeActionProvider"]!["resolveProvider"], Is.True);
            Assert.That((bool?)capabilities["hoverProvider"], Is.True);
            Assert.That((string?)result["serverInfo"]!["name"], Is.EqualTo("hostnetlint"));
        });

        // A client that offers file watching is asked to report the files that can change findings.
        var registration = await client.WaitForAsync(m => (string?)m["method"] == "client/registerCapability", "a file-watcher registration");
        Assert.That(registration["params"]!["registrations"]![0]!["method"]!.GetValue<string>(), Is.EqualTo("workspace/didChangeWatchedFiles"));

        Assert.That(await client.RequestAsync("shutdown", null), Is.Null);
        var afterShutdown = Assert.ThrowsAsync<LspErrorException>(() => client.RequestAsync("textDocument/hover", Hover(Path.Combine(sample.Path, Compose), 0, 0)));
        Assert.That(afterShutdown!.Code, Is.EqualTo(JsonRpcErrorCodes.InvalidRequest));
        await client.NotifyAsync("exit", null);
        Assert.That(await client.ExitCodeAsync(), Is.Zero);
    }

    public static async Task DiagnosticsAfterOpenHaveExactRanges(Func<string, LspTestClient> start)
    {
        await using var session = await SampleSession.StartAsync(start);
        var client = session.Client;
        var diagnostics = await session.OpenAsync(Compose);
        var compose = session.PathOf(Compose);

        // hostnetlint check: (3,1) HNL3001, (25,3), (31,3), (35,3) HNL1001 — one-based; LSP counts from zero.
        Assert.That(LspText.Describe(diagnostics), Is.EqualTo(new[] { "HNL3001 2:0-2:7", "HNL1001 24:2-24:19", "HNL1001 30:2-30:19", "HNL1001 34:2-34:20" }));
        var webserver = diagnostics[1]!;
        Assert.Multiple(() =>
        {
            Assert.That((int?)webserver["severity"], Is.EqualTo(1), "error");
            Assert.That((int?)diagnostics[0]!["severity"], Is.EqualTo(3), "note is information");
            Assert.That((string?)webserver["source"], Is.EqualTo("hostnetlint"));
            Assert.That((string?)webserver["codeDescription"]!["href"], Does.EndWith("/rules/HNL1001.md"));
            Assert.That((string?)webserver["message"], Does.StartWith("Workload 'airflow-webserver' talks to VMs but is not on the host network"));

            // The evidence: the libvirt socket mount in the anchor, and where the service merges it.
            var related = webserver["relatedInformation"]!.AsArray();
            Assert.That((string?)related[0]!["location"]!["uri"], Is.EqualTo(LspTestClient.Uri(compose)));
            Assert.That((int?)related[0]!["location"]!["range"]!["start"]!["line"], Is.EqualTo(17));
            Assert.That((string?)related[0]!["message"], Does.StartWith("VM access signal"));
        });

        Assert.That(LspText.Describe(await session.OpenAsync(Unit)), Is.EqualTo(new[] { "HNL2001 3:0-3:5", "HNL2003 3:6-3:20" }));
    }

    public static async Task ChangeClearsAFinding(Func<string, LspTestClient> start)
    {
        await using var session = await SampleSession.StartAsync(start);
        var client = session.Client;
        var compose = session.PathOf(Compose);
        Assert.That(LspText.Describe(await session.OpenAsync(Compose)), Does.Contain("HNL3001 2:0-2:7"));

        // Delete the line "version: '3.8'" (an incremental change): HNL3001 is gone and the rest move up a line.
        await client.ChangeAsync(compose, 2, (2, 0), (3, 0), string.Empty);
        Assert.That(LspText.Describe(await client.DiagnosticsAsync(compose, 2)), Is.EqualTo(new[] { "HNL1001 23:2-23:19", "HNL1001 29:2-29:19", "HNL1001 33:2-33:20" }));
    }

    public static async Task CrossFileFindingsFollowUnsavedBuffers(Func<string, LspTestClient> start)
    {
        using var sample = CopySample();
        await using var client = start(sample.Path);
        await client.InitializeAsync(sample.Path, FullClient());
        var compose = Path.Combine(sample.Path, Compose);
        var unit = Path.Combine(sample.Path, Unit);
        var composeText = File.ReadAllText(compose);
        var unitText = File.ReadAllText(unit);
        await client.OpenAsync(compose, composeText);
        var composeBefore = (await client.DiagnosticsAsync(compose, 1)).ToJsonString();
        await client.OpenAsync(unit, unitText);
        Assert.That(LspText.Describe(await client.DiagnosticsAsync(unit, 1)), Is.EqualTo(new[] { "HNL2001 3:0-3:5", "HNL2003 3:6-3:20" }));

        // The unit's After= gains libvirtd.service: its HNL2001 goes, and nothing changes in the compose buffer.
        await client.ChangeAsync(unit, 2, unitText.Replace("After=network.target", "After=network.target libvirtd.service", StringComparison.Ordinal));
        Assert.That(LspText.Describe(await client.DiagnosticsAsync(unit, 2)), Is.EqualTo(new[] { "HNL2003 3:6-3:20" }));
        Assert.That((await client.DiagnosticsAsync(compose, 1)).ToJsonString(), Is.EqualTo(composeBefore));

        // Host networking in the compose buffer changes the compose findings (HNL1001 gone, HNL1003 and HNL1002 now);
        // the unit's ordering does not depend on the network mode, only on what the containers reach (ADR-0043), but its
        // podman-compose, release unknown, now gets HNL1008's note (releases 1.0.2-1.0.5 add a second network).
        var hostNetwork = composeText.Replace("  depends_on:\n    - postgres\n\nservices:", "  depends_on:\n    - postgres\n  network_mode: host\n\nservices:", StringComparison.Ordinal);
        await client.ChangeAsync(compose, 2, hostNetwork);
        var composeHost = LspText.Describe(await client.DiagnosticsAsync(compose, 2));
        Assert.That(composeHost, Has.None.StartsWith("HNL1001"));
        Assert.That(composeHost, Has.Some.StartsWith("HNL1003").And.Some.StartsWith("HNL1002"));
        Assert.That(LspText.Describe(await client.DiagnosticsAsync(unit, 2)), Is.EqualTo(new[] { "HNL2003 3:6-3:20", "HNL1008 7:10-7:33" }));

        // Back to After=network.target, then drop the libvirt socket mount from the compose buffer (unsaved): the unit
        // no longer starts anything VM-facing, so its HNL2001 and HNL2003 go, though the file on disk still mounts it.
        await client.ChangeAsync(unit, 3, unitText);
        Assert.That(LspText.Describe(await client.DiagnosticsAsync(unit, 3)), Is.EqualTo(new[] { "HNL2001 3:0-3:5", "HNL2003 3:6-3:20", "HNL1008 7:10-7:33" }), "the compose buffer is still on the host network");
        await client.ChangeAsync(compose, 3, composeText.Replace("    - /var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock:ro\n", string.Empty, StringComparison.Ordinal));
        Assert.That(await client.DiagnosticsAsync(unit, 3), Is.Empty);
        Assert.That(File.ReadAllText(compose), Is.EqualTo(composeText));
    }

    public static async Task FixAllInFileEqualsTheCliFixByteForByte(Func<string, LspTestClient> start)
    {
        using var sample = CopySample();
        using var cli = CopySample();
        Assert.That(CliApplication.Run(["fix", "."], TextWriter.Null, TextWriter.Null, cli.Path), Is.Zero.Or.EqualTo(1));

        await using var client = start(sample.Path);
        await client.InitializeAsync(sample.Path, FullClient());
        foreach (var (file, line, character) in new[] { (Compose, 24, 2), (Unit, 3, 0) })
        {
            var path = Path.Combine(sample.Path, file);
            var text = File.ReadAllText(path);
            await client.OpenAsync(path, text);
            await client.DiagnosticsAsync(path, 1);
            var actions = (await client.RequestAsync("textDocument/codeAction", CodeActionAt(path, line, character)))!.AsArray();
            var fixAll = actions.Single(a => (string?)a!["title"] == "Fix all in file")!;
            Assert.That(fixAll["edit"], Is.Null, "a client that resolves gets the edit when it picks the action");
            var resolved = (await client.RequestAsync("codeAction/resolve", fixAll.DeepClone()))!;
            var (edits, version) = LspText.EditsOf(resolved["edit"]!, LspTestClient.Uri(path));
            Assert.That(version, Is.EqualTo(1));
            Assert.That(
                System.Text.Encoding.UTF8.GetBytes(LspText.Apply(text, edits)),
                Is.EqualTo(File.ReadAllBytes(Path.Combine(cli.Path, file))),
                $"Fix all in file of {file} writes what hostnetlint fix writes");
        }
    }

    public static async Task LightBulbOffersThePreferredFixFixAllAndSuppress(Func<string, LspTestClient> start)
    {
        // A client without resolve support gets every edit at once, keyed by URI when it has no versioned edits.
        await using var session = await SampleSession.StartAsync(start, new JsonObject());
        await session.OpenAsync(Compose);
        var compose = session.PathOf(Compose);
        var actions = (await session.Client.RequestAsync("textDocument/codeAction", CodeActionAt(compose, 24, 5)))!.AsArray();
        Assert.That(actions.Select(a => (string?)a!["title"]), Is.EqualTo(new[]
        {
            "Add network_mode: host to 'x-airflow-common' and remove networks:",
            "Fix all HNL1001 in file",
            "Fix all in file",
            "Suppress HNL1001 on this line",
        }));
        Assert.That(actions.Select(a => (bool?)a!["isPreferred"]), Is.EqualTo(new bool?[] { true, null, null, null }), "a finding's own fix is its single fix");
        Assert.That(actions.Select(a => (string?)a!["kind"]), Is.All.EqualTo("quickfix"));
        Assert.That(LspText.Describe(actions[0]!["diagnostics"]!.AsArray()), Is.EqualTo(new[] { "HNL1001 24:2-24:19" }));

        // The fix goes into the anchor all three services merge: applied, no HNL1001 is left.
        var text = File.ReadAllText(compose);
        var (edits, version) = LspText.EditsOf(actions[0]!["edit"]!, LspTestClient.Uri(compose));
        Assert.That(version, Is.Null, "plain changes carry no version");
        var fixedText = LspText.Apply(text, edits);
        Assert.That(fixedText, Does.Contain("  depends_on:\n    - postgres\n  network_mode: host\n"));
        await session.Client.ChangeAsync(compose, 2, fixedText);
        Assert.That(LspText.Describe(await session.Client.DiagnosticsAsync(compose, 2)), Has.None.StartsWith("HNL1001"));
    }

    public static async Task HoverShowsTheRuleTitleWhyAndLink(Func<string, LspTestClient> start)
    {
        await using var session = await SampleSession.StartAsync(start);
        await session.OpenAsync(Compose);
        var compose = session.PathOf(Compose);
        var hover = (await session.Client.RequestAsync("textDocument/hover", Hover(compose, 24, 8)))!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)hover["contents"]!["kind"], Is.EqualTo("markdown"));
            Assert.That((string?)hover["contents"]!["value"], Does.StartWith("**HNL1001: VM-facing workload must use host networking**\n\nA workload that drives libvirt VMs"));
            Assert.That((string?)hover["contents"]!["value"], Does.EndWith("[rules/HNL1001.md](https://github.com/hostnetlint/hostnetlint/blob/main/rules/HNL1001.md)"));
            Assert.That(LspText.Describe(new JsonObject { ["code"] = "range", ["range"] = hover["range"]!.DeepClone() }), Is.EqualTo("range 24:2-24:19"));
        });
        Assert.That(await session.Client.RequestAsync("textDocument/hover", Hover(compose, 5, 4)), Is.Null, "no finding there");
    }

    public static async Task CancelledRequestIsAnsweredWithRequestCancelled(Func<string, LspTestClient> start)
    {
        // A debounce of a minute: the code action waits for a lint that does not come until the request is cancelled.
        await using var session = await SampleSession.StartAsync(start, options: new JsonObject { ["debounceMilliseconds"] = 60_000 });
        var client = session.Client;
        var compose = session.PathOf(Compose);
        await client.OpenAsync(compose, File.ReadAllText(compose));
        var id = client.SendRequest("textDocument/codeAction", CodeActionAt(compose, 24, 2), out var sent);
        await sent;
        await client.NotifyAsync("$/cancelRequest", new JsonObject { ["id"] = id });
        var cancelled = Assert.ThrowsAsync<LspErrorException>(() => client.AnswerAsync(id));
        Assert.That(cancelled!.Code, Is.EqualTo(JsonRpcErrorCodes.RequestCancelled));

        // The server goes on serving.
        Assert.That(await client.RequestAsync("shutdown", null), Is.Null);
        await client.NotifyAsync("exit", null);
        Assert.That(await client.ExitCodeAsync(), Is.Zero);
    }

    public static async Task ExitWithoutShutdownEndsWithExitCode1(Func<string, LspTestClient> start)
    {
        using var sample = CopySample();
        await using var client = start(sample.Path);
        var early = Assert.ThrowsAsync<LspErrorException>(() => client.RequestAsync("textDocument/hover", Hover(Path.Combine(sample.Path, Compose), 0, 0)));
        Assert.That(early!.Code, Is.EqualTo(JsonRpcErrorCodes.ServerNotInitialized));
        await client.InitializeAsync(sample.Path);
        await client.NotifyAsync("exit", null);
        Assert.That(await client.ExitCodeAsync(), Is.EqualTo(1));
    }

    public static JsonObject CodeActionAt(string path, int line, int character, params string[] only)
    {
        var context = new JsonObject { ["diagnostics"] = new JsonArray() };
        if (only.Length > 0)
        {
            context["only"] = new JsonArray([.. only.Select(o => JsonValue.Create(o))]);
        }

        return new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = LspTestClient.Uri(path) },
            ["range"] = LspTestClient.Range((line, character), (line, character)),
            ["context"] = context,
        };
    }

    public static JsonObject Hover(string path, int line, int character) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = LspTestClient.Uri(path) },
        ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
    };
}
