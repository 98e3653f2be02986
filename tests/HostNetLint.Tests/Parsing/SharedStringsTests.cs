using HostNetLint.Model;
using HostNetLint.Model.Workloads;
using HostNetLint.Parsing.Systemd;
using HostNetLint.Parsing.Text;
using HostNetLint.Parsing.Yaml;

namespace HostNetLint.Tests.Parsing;

/// <summary>
/// Short strings that repeat across files are kept once (issue 13's memory target): the YAML tree, the unit parser and
/// the model's values hand out one instance per text, and never change a text.
/// </summary>
public sealed class SharedStringsTests
{
    [Test]
    public void Equal_short_strings_share_one_instance_and_keep_their_text()
    {
        var first = SharedStrings.Share(new string("network_mode".AsSpan()));
        var second = SharedStrings.Share(new string("network_mode".AsSpan()));
        var fromSpan = SharedStrings.Share("  network_mode  ".AsSpan(2, 12));
        Assert.Multiple(() =>
        {
            Assert.That(second, Is.SameAs(first));
            Assert.That(fromSpan, Is.SameAs(first));
            Assert.That(first, Is.EqualTo("network_mode"));
            Assert.That(SharedStrings.Share(string.Empty), Is.SameAs(string.Empty));
            Assert.That(SharedStrings.Share(ReadOnlySpan<char>.Empty), Is.SameAs(string.Empty));
        });
    }

    [Test]
    public void Long_strings_are_kept_as_they_came()
    {
        var text = new string('x', 200);
        var copy = new string(text.AsSpan());
        Assert.Multiple(() =>
        {
            Assert.That(SharedStrings.Share(text), Is.SameAs(text));
            Assert.That(SharedStrings.Share(copy), Is.SameAs(copy), "a long string is not looked up, so it is never replaced by another instance");
            Assert.That(SharedStrings.Share(text.AsSpan()), Is.EqualTo(text));
        });
    }

    [Test]
    public void A_slot_taken_by_another_string_never_returns_the_wrong_text()
    {
        // Far more distinct strings than the table has slots: every answer must still equal its question.
        var mismatches = Enumerable.Range(0, 20_000)
            .Select(i => $"key{i}")
            .Select(text => (Text: text, Shared: SharedStrings.Share(text.AsSpan())))
            .Count(p => p.Shared != p.Text);
        Assert.That(mismatches, Is.Zero);
    }

    [Test]
    public void Two_files_keys_and_values_are_one_instance_each()
    {
        var first = YamlSyntaxTree.Parse(SourceText.From("services:\n  web:\n    network_mode: host\n", "a/compose.yaml"));
        var second = YamlSyntaxTree.Parse(SourceText.From("services:\n  db:\n    network_mode: host\n", "b/compose.yaml"));
        var firstUnit = UnitFileSyntax.Parse(SourceText.From("[Service]\nExecStart=/usr/bin/podman-compose up\n", "a/app.service"));
        var secondUnit = UnitFileSyntax.Parse(SourceText.From("[Service]\nExecStart=/usr/bin/podman-compose up\n", "b/app.service"));
        Assert.Multiple(() =>
        {
            Assert.That(Entry(second).Key, Is.SameAs(Entry(first).Key), "the key network_mode");
            Assert.That(Entry(second).Value, Is.SameAs(Entry(first).Value), "the value host");
            Assert.That(secondUnit.Sections[0].Name, Is.SameAs(firstUnit.Sections[0].Name));
            Assert.That(secondUnit.Sections[0].Entries[0].Key, Is.SameAs(firstUnit.Sections[0].Entries[0].Key));
            Assert.That(secondUnit.Sections[0].Entries[0].Value.Text, Is.SameAs(firstUnit.Sections[0].Entries[0].Value.Text));
        });
    }

    [Test]
    public void Model_values_share_their_texts()
    {
        var source = SourceText.From("x", "compose.yaml");
        var location = new Location(source, new TextSpan(0, 1));
        var first = new ModelValue(new string("host".AsSpan()), new string("host".AsSpan()), location, location);
        var second = new ModelValue(new string("host".AsSpan()), new string("${MODE}".AsSpan()), location, location);
        Assert.Multiple(() =>
        {
            Assert.That(second.Text, Is.SameAs(first.Text));
            Assert.That(first.Raw, Is.SameAs(first.Text));
            Assert.That(second.Raw, Is.EqualTo("${MODE}"));
        });
    }

    private static (string Key, string Value) Entry(YamlSyntaxTree tree)
    {
        var service = (YamlMapping)((YamlMapping)((YamlMapping)tree.Root!)["services"]!).Entries[0].Value;
        var entry = service.Entries[0];
        return (((YamlScalar)entry.Key).Value, ((YamlScalar)entry.Value).Value);
    }
}
