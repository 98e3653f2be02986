using HostNetLint.Parsing.Text;
using HostNetLint.Parsing.Yaml;
using HostNetLint.Rules.Fixing;

namespace HostNetLint.Tests.Fixes;

/// <summary>The YAML edit helpers on their own: each edit, applied, gives exactly the expected text.</summary>
[TestFixture]
public sealed class YamlEditsTests
{
    [TestCase("a: {x: 1, y: 2, z: 3}\n", "x", "a: {y: 2, z: 3}\n")]
    [TestCase("a: {x: 1, y: 2, z: 3}\n", "y", "a: {x: 1, z: 3}\n")]
    [TestCase("a: {x: 1, y: 2, z: 3}\n", "z", "a: {x: 1, y: 2}\n")]
    [TestCase("a:\n  # about x\n  x: 1\n  y: 2\n", "x", "a:\n  y: 2\n")]
    [TestCase("a:\n  x: 1\n  # not about y: a blank line parts them\n\n  y:\n    - 1\n    - 2\n  z: 3\n", "y", "a:\n  x: 1\n  # not about y: a blank line parts them\n\n  z: 3\n")]
    [TestCase("a:\n  x: 1\n\n  y: 2\n\n  z: 3\n", "y", "a:\n  x: 1\n\n  z: 3\n")]
    [TestCase("a:\n  x: 1\n  y: >\n    folded\n    text\n  z: 3\n", "y", "a:\n  x: 1\n  z: 3\n")]
    [TestCase("a:\r\n  x: 1\r\n  y: 2\r\n", "y", "a:\r\n  x: 1\r\n")]
    public void RemoveEntry_removes_exactly_the_entry(string text, string key, string expected)
    {
        var (source, mapping) = MappingUnderA(text);
        var index = mapping.Entries.ToList().FindIndex(e => e.KeyText == key);
        var edit = YamlEdits.RemoveEntry(source, mapping, index);
        Assert.That(TextEdit.Apply(source.Text, [edit!.Value]), Is.EqualTo(expected));
    }

    [TestCase("a:\n  x: 1\n")]
    [TestCase("a: {x: 1}\n")]
    [TestCase("a:\n  - x: 1\n    y: 2\n")]
    public void RemoveEntry_refuses_what_it_cannot_remove_by_lines(string text)
    {
        var (source, mapping) = MappingUnderA(text);
        var edit = YamlEdits.RemoveEntry(source, mapping, 0);
        Assert.That(edit, Is.Null);
    }

    [TestCase("a: {}\n", "a: {k: v}\n")]
    [TestCase("a: { x: 1 }\n", "a: { x: 1, k: v }\n")]
    [TestCase("a:\n    x: 1 # c\n", "a:\n    x: 1 # c\n    k: v\n")]
    [TestCase("a:\n  x:\n    - 1\n    # - 2\nb: 1", "a:\n  x:\n    - 1\n    # - 2\n  k: v\nb: 1")]
    [TestCase("a:\r\n  x: 1", "a:\r\n  x: 1\r\n  k: v")]
    [TestCase("a:\r  x: 1\rb: 2\r", "a:\r  x: 1\r  k: v\rb: 2\r")]
    [TestCase("a:\r  x: 1", "a:\r  x: 1\r  k: v")]
    [TestCase("a:\r  x: |\r    text\r", "a:\r  k: v\r  x: |\r    text\r")]
    public void InsertEntry_adds_the_entry_last_in_the_mapping_style(string text, string expected)
    {
        var (source, mapping) = MappingUnderA(text);
        var edit = YamlEdits.InsertEntry(source, mapping, "k", "v");
        Assert.That(TextEdit.Apply(source.Text, [edit!.Value]), Is.EqualTo(expected));
    }

    // A file that ends inside a block scalar without a final newline: a line break added after it, or taken from before
    // the last line, would change the scalar's value ("echo hi" and "echo hi\n"), so the edits go around it.
    [TestCase("a:\n  x: 1\n  e:\n    c: |\n      echo hi", "a:\n  x: 1\n  k: v\n  e:\n    c: |\n      echo hi")]
    [TestCase("a:\n  x: 1\n  l:\n    - >\n      echo hi", "a:\n  x: 1\n  k: v\n  l:\n    - >\n      echo hi")]
    [TestCase("a:\n  x: 1\n  e:\n    c: |+\n      a\n\n\nb: 1\n", "a:\n  x: 1\n  k: v\n  e:\n    c: |+\n      a\n\n\nb: 1\n")]
    public void InsertEntry_goes_before_an_entry_that_ends_with_a_block_scalar_and_keeps_its_value(string text, string expected)
    {
        var (source, mapping) = MappingUnderA(text);
        var after = TextEdit.Apply(source.Text, [YamlEdits.InsertEntry(source, mapping, "k", "v")!.Value]);
        Assert.Multiple(() =>
        {
            Assert.That(after, Is.EqualTo(expected));
            Assert.That(BlockScalarValues(after!), Is.EqualTo(BlockScalarValues(text)));
        });
    }

    [TestCase("a:\n  c: |\n    echo hi\n  y: 2", "y", "a:\n  c: |\n    echo hi\n")]
    [TestCase("a:\n  e:\n    c: >-\n      echo hi\n  y: 2", "y", "a:\n  e:\n    c: >-\n      echo hi\n")]
    [TestCase("a:\n  c: plain\n  y: 2", "y", "a:\n  c: plain")]
    public void RemoveEntry_at_the_end_of_a_file_without_final_newline_keeps_the_line_break_a_block_scalar_owns(string text, string key, string expected)
    {
        var (source, mapping) = MappingUnderA(text);
        var index = mapping.Entries.ToList().FindIndex(e => e.KeyText == key);
        var after = TextEdit.Apply(source.Text, [YamlEdits.RemoveEntry(source, mapping, index)!.Value]);
        Assert.Multiple(() =>
        {
            Assert.That(after, Is.EqualTo(expected));
            Assert.That(BlockScalarValues(after!), Is.EqualTo(BlockScalarValues(text)));
        });
    }

    [Test]
    public void ReplaceScalar_keeps_other_text_and_refuses_block_scalars()
    {
        var (source, mapping) = MappingUnderA("a:\n  m: 'bridge'  # c\n  n: |\n    x\n");
        var edit = YamlEdits.ReplaceScalar(mapping.Entries[0].Value, "host");
        Assert.Multiple(() =>
        {
            Assert.That(TextEdit.Apply(source.Text, [edit!.Value]), Is.EqualTo("a:\n  m: host  # c\n  n: |\n    x\n"));
            Assert.That(YamlEdits.ReplaceScalar(mapping.Entries[1].Value, "host"), Is.Null);
        });
    }

    /// <summary>The values of the block scalars of <paramref name="text"/>, in document order, as a YAML parser reads them.</summary>
    private static List<string> BlockScalarValues(string text)
    {
        var values = new List<string>();
        var pending = new Stack<YamlNode>([YamlSyntaxTree.Parse(SourceText.From(text)).Root!]);
        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case YamlMapping mapping:
                    mapping.Entries.Reverse().ToList().ForEach(e => pending.Push(e.Value));
                    break;
                case YamlSequence sequence:
                    sequence.Items.Reverse().ToList().ForEach(pending.Push);
                    break;
                case YamlScalar { Style: YamlScalarStyle.Literal or YamlScalarStyle.Folded } scalar:
                    values.Add(scalar.Value);
                    break;
            }
        }

        return values;
    }

    /// <summary>The mapping under the top-level key <c>a</c> (for the sequence case, the first item's mapping).</summary>
    private static (SourceText Source, YamlMapping Mapping) MappingUnderA(string text)
    {
        var source = SourceText.From(text);
        var tree = YamlSyntaxTree.Parse(source);
        var value = ((YamlMapping)tree.Root!)["a"]!;
        return (source, value as YamlMapping ?? (YamlMapping)((YamlSequence)value).Items[0]);
    }
}
