using System.Text;
using CsCheck;
using HostNetLint.LanguageServer.Features;
using HostNetLint.LanguageServer.JsonRpc;
using HostNetLint.LanguageServer.Protocol;
using HostNetLint.LanguageServer.Workspace;
using HostNetLint.Model;
using HostNetLint.Parsing.Text;
using HostNetLint.Parsing.Yaml;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Input;
using HostNetLint.Rules.Networking;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.LanguageServer;

/// <summary>The language server's parts on their own: framing, URIs, buffers, text diffs and suppression comments.</summary>
[TestFixture]
public sealed class LanguageServerPartsTests
{
    [Test]
    public async Task The_reader_takes_framed_messages_and_refuses_what_is_not_the_base_protocol()
    {
        var two = "Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}Content-Length: 8\r\n\r\n[1,\"é\"]"u8.ToArray();
        var reader = new MessageReader(new MemoryStream(two));
        Assert.That(Encoding.UTF8.GetString((await reader.ReadAsync(CancellationToken.None))!), Is.EqualTo("{}"));
        Assert.That(Encoding.UTF8.GetString((await reader.ReadAsync(CancellationToken.None))!), Is.EqualTo("[1,\"é\"]"));
        Assert.That(await reader.ReadAsync(CancellationToken.None), Is.Null, "the end between messages is the end");

        foreach (var bad in new[] { "Content-Type: x\r\n\r\n{}", "Content-Length: 999999999999\r\n\r\n", "Content-Length: 10\r\n\r\n{}", "no colon\r\n\r\n" })
        {
            var broken = new MessageReader(new MemoryStream(Encoding.ASCII.GetBytes(bad)));
            Assert.ThrowsAsync<ProtocolException>(() => broken.ReadAsync(CancellationToken.None), bad);
        }
    }

    [TestCase("/tmp/a b/c#d.yaml", "file:///tmp/a%20b/c%23d.yaml")]
    [TestCase("/srv/café/compose.yaml", "file:///srv/caf%C3%A9/compose.yaml")]
    [TestCase("/opt/x:y/airflow.service", "file:///opt/x%3Ay/airflow.service")]
    public void File_URIs_round_trip(string path, string uri)
    {
        Assert.That(DocumentUri.FromPath(path), Is.EqualTo(uri));
        Assert.That(DocumentUri.ToPath(uri), Is.EqualTo(path));
    }

    [TestCase("untitled:Untitled-1")]
    [TestCase("file://server/share/compose.yaml")]
    [TestCase("git:/tmp/compose.yaml?ref=HEAD")]
    public void Other_schemes_and_remote_hosts_name_no_local_file(string uri) => Assert.That(DocumentUri.ToPath(uri), Is.Null);

    [Test]
    public void Incremental_changes_count_UTF_16_units_and_every_line_break()
    {
        var store = new DocumentStore();
        var document = store.Open(new TextDocumentItem("file:///tmp/x/compose.yaml", "yaml", 1, "a😀b\r\nline\rlast"))!;
        Assert.That(document.Kind, Is.EqualTo(DocumentKind.Compose));
        var changed = store.Change(new VersionedTextDocumentIdentifier(document.Uri, 2),
        [
            new TextDocumentContentChangeEvent(new LspRange(new Position(0, 3), new Position(0, 4)), "X"),
            new TextDocumentContentChangeEvent(new LspRange(new Position(1, 0), new Position(1, 99)), "LINE"),
            new TextDocumentContentChangeEvent(new LspRange(new Position(9, 0), new Position(9, 0)), "\n"),
        ])!;
        Assert.That((changed.Version, changed.Text), Is.EqualTo((2, "a😀X\r\nLINE\rlast\n")));
        var replaced = store.Change(new VersionedTextDocumentIdentifier(document.Uri, 3), [new TextDocumentContentChangeEvent(null, "services: {}\n")])!;
        Assert.That(replaced.Text, Is.EqualTo("services: {}\n"));
        Assert.That(store.Close(document.Uri), Is.Not.Null);
        Assert.That(store.Find(document.Uri), Is.Null);
    }

    [TestCase("/r/compose.yaml", "x: 1", "Compose")]
    [TestCase("/r/stack.yml", "services:\n  web: {}\n", "Compose")]
    [TestCase("/r/ci.yaml", "jobs: {}\n", "Other")]
    [TestCase("/r/airflow.service", "", "Unit")]
    [TestCase("/r/app.container", "", "Unit")]
    [TestCase("/r/app.service.d/10-after.conf", "", "Unit")]
    [TestCase("/r/other.d/10.conf", "", "Other")]
    [TestCase("/r/.env", "", "EnvFile")]
    [TestCase("/r/hostnetlint.yaml", "", "Configuration")]
    public void Documents_are_classified_by_name_and_for_other_YAML_by_a_top_level_services(string path, string text, string kind) =>
        Assert.That(DocumentKinds.Classify(path, text).ToString(), Is.EqualTo(kind));

    [Test]
    public void Text_diff_edits_turn_the_old_text_into_the_new_one()
    {
        var line = Gen.OneOf(Gen.Const("a"), Gen.Const("b"), Gen.Const("  key: value"), Gen.Const(string.Empty), Gen.Const("é😀"));
        var lineBreak = Gen.OneOf(Gen.Const("\n"), Gen.Const("\r\n"), Gen.Const("\r"));
        var text = Gen.Select(line, lineBreak, (l, b) => l + b).Array[0, 12].Select(parts => string.Concat(parts));
        Gen.Select(text, text).Sample((before, after) =>
        {
            var edits = TextDiff.Edits(before, after);
            Assert.That(TextEdit.Apply(before, edits), Is.EqualTo(after));
            Assert.That(edits.Sum(e => e.Span.Length), Is.LessThanOrEqualTo(before.Length));
        }, iter: 2000);

        // One changed line is one small edit.
        Assert.That(TextDiff.Edits("a: 1\nb: 2\nc: 3\n", "a: 1\nb: 20\nc: 3\n").ToArray(), Is.EqualTo(new[] { TextEdit.Insert(9, "0") }));
    }

    [Test]
    public void Suppression_goes_at_the_end_of_a_YAML_line_or_above_it_when_the_line_has_a_comment()
    {
        var plain = Yaml("services:\n  web:\n    network_mode: bridge\n");
        Assert.That(Suppress(plain, "network_mode"), Is.EqualTo("services:\n  web:\n    network_mode: bridge # hostnetlint-disable-line HNL1001 -- \n"));

        var commented = Yaml("services:\r\n  web:\r\n    network_mode: bridge # why\r\n");
        Assert.That(Suppress(commented, "network_mode"), Is.EqualTo("services:\r\n  web:\r\n    # hostnetlint-disable-next-line HNL1001 -- \r\n    network_mode: bridge # why\r\n"));
    }

    [Test]
    public void No_suppression_is_offered_inside_a_block_scalar_or_for_HNL0005()
    {
        var block = Yaml("services:\n  web:\n    command: |\n      virsh list\n      serve\n");
        Assert.That(Suppress(block, "virsh"), Is.Null, "a comment there would be part of the command");
        Assert.That(Suppress(plainDocument: Yaml("x: 1 # hostnetlint-disable-line HNL9999\n"), anchor: "HNL9999", descriptor: HNL0005UnusedOrUnknownSuppression.Definition), Is.Null);
    }

    [Test]
    public void Suppression_in_a_unit_is_a_comment_line_of_its_own()
    {
        var text = SourceText.From("[Unit]\nAfter=network.target\n", "app.service");
        var unit = new SourceDocument { Path = "app.service", Text = text };
        Assert.That(Suppress(unit, "After"), Is.EqualTo("[Unit]\n# hostnetlint-disable-next-line HNL1001 -- \nAfter=network.target\n"));
    }

    private static SourceDocument Yaml(string content)
    {
        var text = SourceText.From(content, "compose.yaml");
        return new SourceDocument { Path = "compose.yaml", Text = text, Yaml = YamlSyntaxTree.Parse(text) };
    }

    private static string? Suppress(SourceDocument plainDocument, string anchor, RuleDescriptor? descriptor = null)
    {
        var rule = descriptor ?? HNL1001VmFacingWorkloadMustUseHostNetwork.Definition;
        var start = plainDocument.Text.Text.IndexOf(anchor, StringComparison.Ordinal);
        var finding = new Diagnostic(rule, new Location(plainDocument.Text, new TextSpan(start, anchor.Length)), "m", rule.DefaultSeverity, [], FindingPath.InFile(plainDocument.Path));
        return SuppressionEdits.Create(plainDocument, finding) is { } edit ? TextEdit.Apply(plainDocument.Text.Text, [edit]) : null;
    }
}
