using HostNetLint.Fuzz;
using HostNetLint.Fuzz.Invariants;
using HostNetLint.Parsing.Text;
using HostNetLint.Parsing.Yaml;

namespace HostNetLint.Tests.Fuzz;

/// <summary>The fix target's value comparison catches what it must and lets through what a fix may do.</summary>
[TestFixture]
public sealed class FixInvariantTests
{
    private const string EndsInBlockScalar = "services:\n  web:\n    command: |\n      echo hi";

    [Test]
    public void Appending_a_key_after_a_block_scalar_without_a_final_newline_changes_its_value_and_is_caught()
    {
        var insert = TextEdit.Insert(EndsInBlockScalar.Length, "\n    network_mode: host");
        var ex = Assert.Throws<InvariantViolationException>(() => Check(EndsInBlockScalar, insert));
        Assert.That(ex!.Message, Does.Contain("0/services/web/command changed from \"string:echo hi\" to \"string:echo hi\\n\""));
    }

    [Test]
    public void Inserting_a_key_before_the_block_scalar_keeps_every_value()
    {
        var at = EndsInBlockScalar.IndexOf("    command", StringComparison.Ordinal);
        Assert.DoesNotThrow(() => Check(EndsInBlockScalar, TextEdit.Insert(at, "    network_mode: host\n")));
    }

    [Test]
    public void A_value_the_fix_replaced_or_removed_is_not_compared()
    {
        const string Text = "services:\n  web:\n    network_mode: bridge\n    ports: [\"80:80\"]\n    image: nginx\n";
        var bridge = Text.IndexOf("bridge", StringComparison.Ordinal);
        var ports = Text.IndexOf("    ports", StringComparison.Ordinal);
        var portsLine = Text.IndexOf("    image", StringComparison.Ordinal) - ports;
        Assert.DoesNotThrow(() => Check(Text, new TextEdit(new TextSpan(bridge, "bridge".Length), "host"), TextEdit.Delete(new TextSpan(ports, portsLine))));
    }

    [Test]
    public void A_value_no_edit_wrote_is_caught_when_it_appears()
    {
        var before = Leaves("a: 1\n");
        var after = Leaves("a: 1\nb: 2\n");
        var ex = Assert.Throws<InvariantViolationException>(() => LeafComparison.CheckUntouchedValuesKept("compose.yaml", before, after, new AppliedEdits([])));
        Assert.That(ex!.Message, Does.Contain("0/b = \"plain:2\" appeared"));
    }

    [Test]
    public void Quoting_that_changes_the_type_is_a_change_of_value()
    {
        var ex = Assert.Throws<InvariantViolationException>(() =>
            LeafComparison.CheckUntouchedValuesKept("compose.yaml", Leaves("a: 1\nb: 2\n"), Leaves("a: 1\nb: \"2\"\n"), new AppliedEdits([])));
        Assert.That(ex!.Message, Does.Contain("0/b changed from \"plain:2\" to \"string:2\""));
    }

    [TestCase(2, ExpectedResult = 2)]
    [TestCase(5, ExpectedResult = 9)]
    [TestCase(7, ExpectedResult = null)]
    [TestCase(9, ExpectedResult = 12)]
    [TestCase(12, ExpectedResult = 15)]
    public int? Offsets_map_through_the_edits(int offset) =>
        new AppliedEdits([TextEdit.Insert(5, "1234"), new TextEdit(new TextSpan(6, 3), "ab")]).Map(offset);

    /// <summary>Applies <paramref name="edits"/> to <paramref name="text"/> and compares the leaves as the fix target does.</summary>
    private static void Check(string text, params TextEdit[] edits)
    {
        var after = TextEdit.Apply(text, edits)!;
        LeafComparison.CheckUntouchedValuesKept("compose.yaml", Leaves(text), Leaves(after), new AppliedEdits(edits));
    }

    private static List<ValueLeaf> Leaves(string text)
    {
        var tree = YamlSyntaxTree.Parse(SourceText.From(text));
        Assert.That(tree.Problems, Is.Empty, text);
        return YamlLeaves.Of(tree)!;
    }
}
