using System.Text.Json.Nodes;
using HostNetLint.LanguageServer.JsonRpc;

namespace HostNetLint.Tests.LanguageServer;

/// <summary>Code actions, hover, configuration and document handling of <c>hostnetlint lsp</c>, over stdio with a server process.</summary>
[TestFixture]
public sealed class LanguageServerFeatureTests
{
    private const string Compose = LanguageServerScenarios.Compose;
    private const string Unit = LanguageServerScenarios.Unit;

    private static LspTestClient Start(string directory) => LspTestClient.StartJit(directory);

    [Test]
    public Task The_light_bulb_offers_the_fix_preferred_fix_all_and_suppress_with_versioned_edits() =>
        LanguageServerScenarios.LightBulbOffersThePreferredFixFixAllAndSuppress(Start);

    [Test]
    public async Task Suppress_on_this_line_adds_the_inline_comment_in_yaml_and_an_own_line_comment_in_units()
    {
        await using var session = await SampleSession.StartAsync(Start);
        await session.OpenAsync(Compose);
        var compose = session.PathOf(Compose);
        var text = File.ReadAllText(compose);
        var actions = (await session.Client.RequestAsync("textDocument/codeAction", LanguageServerScenarios.CodeActionAt(compose, 24, 2)))!.AsArray();
        var suppress = actions.Single(a => (string?)a!["title"] == "Suppress HNL1001 on this line")!;
        var (edits, version) = LspText.EditsOf(suppress["edit"]!, LspTestClient.Uri(compose));
        Assert.That(version, Is.EqualTo(1));
        var suppressed = LspText.Apply(text, edits);
        Assert.That(suppressed, Does.Contain("\n  airflow-webserver: # hostnetlint-disable-line HNL1001 -- \n"));
        await session.Client.ChangeAsync(compose, 2, suppressed);
        Assert.That(LspText.Describe(await session.Client.DiagnosticsAsync(compose, 2)), Is.EqualTo(new[] { "HNL3001 2:0-2:7", "HNL1001 30:2-30:19", "HNL1001 34:2-34:20" }), "suppressed, and no HNL0005 about the comment");

        await session.OpenAsync(Unit);
        var unit = session.PathOf(Unit);
        var unitActions = (await session.Client.RequestAsync("textDocument/codeAction", LanguageServerScenarios.CodeActionAt(unit, 3, 0)))!.AsArray();
        var unitSuppress = unitActions.Single(a => (string?)a!["title"] == "Suppress HNL2001 on this line")!;
        var unitText = LspText.Apply(File.ReadAllText(unit), LspText.EditsOf(unitSuppress["edit"]!, LspTestClient.Uri(unit)).Edits);
        Assert.That(unitText, Does.Contain("Description=Airflow via Podman\n# hostnetlint-disable-next-line HNL2001 -- \nAfter=network.target\n"));
        await session.Client.ChangeAsync(unit, 2, unitText);
        Assert.That(LspText.Describe(await session.Client.DiagnosticsAsync(unit, 2)), Is.EqualTo(new[] { "HNL2003 4:6-4:20" }));
    }

    [Test]
    public async Task Fix_all_is_offered_as_source_fix_all_when_asked_for_by_kind()
    {
        await using var session = await SampleSession.StartAsync(Start);
        await session.OpenAsync(Compose);
        var compose = session.PathOf(Compose);
        var actions = (await session.Client.RequestAsync("textDocument/codeAction", LanguageServerScenarios.CodeActionAt(compose, 0, 0, "source.fixAll")))!.AsArray();
        Assert.That(actions.Select(a => ((string?)a!["title"], (string?)a["kind"])), Is.EqualTo(new[] { ("Fix all HostNetLint findings in file", "source.fixAll.hostnetlint") }));
    }

    [Test]
    public Task Hover_over_a_finding_shows_the_rule_title_why_and_link() => LanguageServerScenarios.HoverShowsTheRuleTitleWhyAndLink(Start);

    [Test]
    public async Task An_unsaved_hostnetlint_yaml_shows_HNL0006_in_itself_and_a_fixed_one_lints_again()
    {
        await using var session = await SampleSession.StartAsync(Start);
        var compose = session.PathOf(Compose);
        Assert.That(await session.OpenAsync(Compose), Has.Count.EqualTo(4));
        var config = session.PathOf("hostnetlint.yaml");
        var configText = File.ReadAllText(config);
        Assert.That(await session.OpenAsync("hostnetlint.yaml"), Is.Empty);
        Assert.That(await session.Client.DiagnosticsAsync(compose, 1), Has.Count.EqualTo(4), "re-linted with the configuration buffer");

        await session.Client.ChangeAsync(config, 2, configText + "failLevel: sometimes\n");
        var problems = await session.Client.DiagnosticsAsync(config, 2);
        Assert.That(problems.Select(p => (string?)p!["code"]), Is.EqualTo(new[] { "HNL0006" }));
        Assert.That((int?)problems[0]!["range"]!["start"]!["line"], Is.EqualTo(configText.Split('\n').Length - 1), "at the bad value");
        Assert.That(await session.Client.DiagnosticsAsync(compose, 1), Is.Empty, "nothing is linted with half a configuration");

        await session.Client.ChangeAsync(config, 3, configText);
        Assert.That(await session.Client.DiagnosticsAsync(config, 3), Is.Empty);
        Assert.That(await session.Client.DiagnosticsAsync(compose, 1), Has.Count.EqualTo(4));
    }

    [Test]
    public async Task Files_changed_on_disk_re_lint_the_open_documents()
    {
        await using var session = await SampleSession.StartAsync(Start);
        var compose = session.PathOf(Compose);
        Assert.That(LspText.Describe(await session.OpenAsync(Compose)), Has.Some.StartsWith("HNL3001"));

        // .editorconfig switches HNL3001 off.
        var editorConfig = System.IO.Path.Combine(session.Root, ".editorconfig");
        File.WriteAllText(editorConfig, "root = true\n[*]\ndotnet_diagnostic.hnl3001.severity = none\n");
        await session.Client.NotifyAsync("workspace/didChangeWatchedFiles", Changes((editorConfig, 1)));
        Assert.That(LspText.Describe(await session.Client.DiagnosticsAsync(compose, 1)), Has.None.StartsWith("HNL3001"));

        // A closed hostnetlint.yaml broken on disk: its HNL0006 is published although it is not open, then cleared.
        var config = session.PathOf("hostnetlint.yaml");
        var configText = File.ReadAllText(config);
        File.WriteAllText(config, "vmNetworks: 12\n");
        await session.Client.NotifyAsync("workspace/didChangeWatchedFiles", Changes((config, 2)));
        Assert.That((await session.Client.DiagnosticsAsync(config)).Select(p => (string?)p!["code"]), Is.EqualTo(new[] { "HNL0006" }));
        File.WriteAllText(config, configText);
        await session.Client.NotifyAsync("workspace/didChangeWatchedFiles", Changes((config, 2)));
        Assert.That(await session.Client.DiagnosticsAsync(config), Is.Empty);
    }

    [Test]
    public async Task A_burst_of_changes_is_linted_once_for_the_newest_text()
    {
        await using var session = await SampleSession.StartAsync(Start);
        var compose = session.PathOf(Compose);
        var text = File.ReadAllText(compose);
        await session.OpenAsync(Compose);
        for (var version = 2; version <= 11; version++)
        {
            await session.Client.ChangeAsync(compose, version, text + new string('#', version) + "\n");
        }

        await session.Client.DiagnosticsAsync(compose, 11);
        var versions = session.Client.Log
            .Where(m => (string?)m["method"] == "textDocument/publishDiagnostics" && (string?)m["params"]!["uri"] == LspTestClient.Uri(compose))
            .Select(m => (int)m["params"]!["version"]!)
            .ToList();
        Assert.That(versions, Is.Ordered.Ascending, "never an older text after a newer one");
        Assert.That(versions[^1], Is.EqualTo(11));
    }

    [Test]
    public async Task Documents_are_linted_by_kind_including_an_unsaved_new_compose_file()
    {
        await using var session = await SampleSession.StartAsync(Start);

        // Not on disk: a new buffer is linted as a file of its own.
        var fresh = session.PathOf("mcp/compose.yaml");
        await session.Client.OpenAsync(fresh, "services:\n  mcp:\n    image: mcp\n    volumes:\n      - /var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock\n");
        Assert.That(LspText.Describe(await session.Client.DiagnosticsAsync(fresh, 1)), Is.EqualTo(new[] { "HNL1001 1:2-1:5" }));

        // Any YAML with services: is a compose file; other YAML is left to other tools (no diagnostics at all).
        var other = session.PathOf("ci.yaml");
        await session.Client.OpenAsync(other, "jobs:\n  build: {}\n");
        var stack = session.PathOf("stack.yml");
        await session.Client.OpenAsync(stack, "version: '3'\nservices:\n  web:\n    image: nginx\n");
        Assert.That(LspText.Describe(await session.Client.DiagnosticsAsync(stack, 1)), Is.EqualTo(new[] { "HNL3001 0:0-0:7" }));
        Assert.That(session.Client.HasReceived(m => (string?)m["params"]?["uri"] == LspTestClient.Uri(other)), Is.False);

        // Without services: it is no compose file any more: its findings are cleared, and it is not linted.
        await session.Client.ChangeAsync(stack, 2, "version: '3'\njobs: {}\n");
        Assert.That(await session.Client.DiagnosticsAsync(stack, 2), Is.Empty);

        // Closing a document clears its diagnostics.
        await session.Client.NotifyAsync("textDocument/didClose", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = LspTestClient.Uri(stack) } });
        Assert.That(await session.Client.DiagnosticsAsync(stack), Is.Empty);
    }

    [Test]
    public async Task Malformed_messages_and_unknown_methods_get_errors_and_the_server_goes_on()
    {
        await using var session = await SampleSession.StartAsync(Start);
        await session.Client.SendRawAsync("{\"jsonrpc\": \"2.0\", \"id\": 99, \"method\": ");
        var parseError = await session.Client.WaitForAsync(m => m["error"] is not null && m["id"] is null, "a parse error");
        Assert.That((int?)parseError["error"]!["code"], Is.EqualTo(JsonRpcErrorCodes.ParseError));

        var unknown = Assert.ThrowsAsync<LspErrorException>(() => session.Client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "x" }));
        Assert.That(unknown!.Code, Is.EqualTo(JsonRpcErrorCodes.MethodNotFound));
        var badParams = Assert.ThrowsAsync<LspErrorException>(() => session.Client.RequestAsync("textDocument/hover", new JsonObject { ["textDocument"] = 3 }));
        Assert.That(badParams!.Code, Is.EqualTo(JsonRpcErrorCodes.InvalidParams));

        Assert.That(await session.OpenAsync(Compose), Has.Count.EqualTo(4));
    }

    private static JsonObject Changes(params (string Path, int Type)[] changes) => new()
    {
        ["changes"] = new JsonArray([.. changes.Select(c => new JsonObject { ["uri"] = LspTestClient.Uri(c.Path), ["type"] = c.Type })]),
    };
}
