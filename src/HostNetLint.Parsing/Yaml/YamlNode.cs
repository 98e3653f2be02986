using System.Collections.Immutable;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Parsing.Yaml;

public enum YamlScalarStyle
{
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}

/// <summary>
/// A node of HostNetLint's own YAML syntax tree. Immutable; spans are UTF-16 offsets into the
/// <see cref="SourceText"/> of the tree. Aliases stay aliases (their site is kept), so nothing is expanded here.
/// </summary>
public abstract class YamlNode
{
    private protected YamlNode(TextSpan span, string? anchor, string? tag)
    {
        Span = span;
        Anchor = anchor;
        Tag = tag;
    }

    /// <summary>The node's own text, from its anchor/tag/first token to its last token.</summary>
    public TextSpan Span { get; }

    public string? Anchor { get; }

    /// <summary>The tag as written after resolution of shorthand, e.g. <c>!reset</c>; null when none.</summary>
    public string? Tag { get; }

    /// <summary>Follows aliases to the anchored node; returns null for an alias to an unknown anchor.</summary>
    public YamlNode? Resolve()
    {
        var node = this;
        // Aliases can only point backwards at complete nodes, so a chain ends; the bound is a guard, not a limit.
        for (var hops = 0; hops < 64 && node is YamlAlias alias; hops++)
        {
            node = alias.Target;
        }

        return node is YamlAlias ? null : node;
    }
}

public sealed class YamlScalar : YamlNode
{
    internal YamlScalar(TextSpan span, string? anchor, string? tag, string value, YamlScalarStyle style)
        : base(span, anchor, tag)
    {
        Value = value;
        Style = style;
    }

    public string Value { get; }

    public YamlScalarStyle Style { get; }

    /// <summary>True for a plain <c>null</c>, <c>~</c> or empty scalar (YAML 1.2 core schema).</summary>
    public bool IsNull => Style == YamlScalarStyle.Plain && Tag is null && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string ToString() => Value;
}

public readonly record struct YamlMappingEntry(YamlNode Key, YamlNode Value)
{
    /// <summary>The key's text when it is a scalar, else null.</summary>
    public string? KeyText => (Key.Resolve() as YamlScalar)?.Value;

    /// <summary>From the key's start to the value's end.</summary>
    public TextSpan Span => TextSpan.FromBounds(Key.Span.Start, Math.Max(Key.Span.End, Value.Span.End));
}

public sealed class YamlMapping : YamlNode
{
    internal YamlMapping(TextSpan span, string? anchor, string? tag, bool isFlow, ImmutableArray<YamlMappingEntry> entries)
        : base(span, anchor, tag)
    {
        IsFlow = isFlow;
        Entries = entries;
    }

    public bool IsFlow { get; }

    /// <summary>Every entry in document order, duplicates included.</summary>
    public ImmutableArray<YamlMappingEntry> Entries { get; }

    /// <summary>The first entry whose scalar key equals <paramref name="key"/>.</summary>
    public YamlMappingEntry? Find(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.KeyText == key)
            {
                return entry;
            }
        }

        return null;
    }

    public YamlNode? this[string key] => Find(key)?.Value;
}

public sealed class YamlSequence : YamlNode
{
    internal YamlSequence(TextSpan span, string? anchor, string? tag, bool isFlow, ImmutableArray<YamlNode> items)
        : base(span, anchor, tag)
    {
        IsFlow = isFlow;
        Items = items;
    }

    public bool IsFlow { get; }

    public ImmutableArray<YamlNode> Items { get; }
}

/// <summary>An alias site (<c>*name</c>); <see cref="Target"/> is the anchored node, null when the anchor is unknown.</summary>
public sealed class YamlAlias : YamlNode
{
    internal YamlAlias(TextSpan span, string name, YamlNode? target)
        : base(span, null, null)
    {
        Name = name;
        Target = target;
    }

    public string Name { get; }

    public YamlNode? Target { get; }
}

/// <summary>A <c>#</c> comment; <see cref="Span"/> starts at the <c>#</c>.</summary>
public sealed record YamlComment(TextSpan Span, string Text, bool IsInline);

/// <summary>
/// One document of a YAML stream. An empty document ("---" alone) has an empty plain scalar as
/// <see cref="Root"/>, as YAML defines it; null only when no node was read.
/// </summary>
public sealed record YamlDocument(YamlNode? Root, TextSpan Span);
