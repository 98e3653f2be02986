namespace HostNetLint.Parsing.Globs;

/// <summary>Which glob dialect a pattern is written in; the three HostNetLint uses are the static members.</summary>
public sealed record GlobSyntax
{
    /// <summary>
    /// Exclude globs of the model (<c>--exclude</c>, <c>exclude:</c>): <c>*</c> and <c>?</c> stay within a path segment,
    /// <c>**</c> spans segments and <c>**/</c> also matches no directory at all; every other character is itself.
    /// </summary>
    public static GlobSyntax Path { get; } = new() { Separator = '/' };

    /// <summary>
    /// <c>.editorconfig</c> section globs: <see cref="Path"/> plus <c>[seq]</c>, <c>[!seq]</c> (ranges as <c>a-z</c>),
    /// <c>{a,b}</c> (nested too; <c>{a}</c> is literal), <c>{n..m}</c> (an integer from n to m, as Roslyn reads it) and
    /// <c>\</c> escapes.
    /// </summary>
    public static GlobSyntax EditorConfig { get; } = new() { Separator = '/', Extended = true };

    /// <summary>Workload and image names: <c>*</c> is any run of characters, <c>?</c> any one, case-insensitive.</summary>
    public static GlobSyntax Name { get; } = new() { IgnoreCase = true };

    /// <summary>The character <c>*</c> and <c>?</c> do not match (only <c>**</c> does); null: none.</summary>
    public char? Separator { get; init; }

    /// <summary>Compare letters case-insensitively (invariant culture).</summary>
    public bool IgnoreCase { get; init; }

    /// <summary>Character classes, braces, numeric ranges and backslash escapes.</summary>
    public bool Extended { get; init; }
}
