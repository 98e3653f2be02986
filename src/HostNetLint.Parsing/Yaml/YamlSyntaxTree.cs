using System.Collections.Immutable;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Parsing.Yaml;

/// <summary>The result of parsing one YAML file: documents, comments and every problem found on the way.</summary>
public sealed class YamlSyntaxTree
{
    internal YamlSyntaxTree(SourceText text, ImmutableArray<YamlDocument> documents, ImmutableArray<YamlComment> comments, ImmutableArray<ParseProblem> problems, bool isComplete)
    {
        Text = text;
        Documents = documents;
        Comments = comments;
        Problems = problems;
        IsComplete = isComplete;
    }

    public SourceText Text { get; }

    public ImmutableArray<YamlDocument> Documents { get; }

    public ImmutableArray<YamlComment> Comments { get; }

    public ImmutableArray<ParseProblem> Problems { get; }

    /// <summary>
    /// False when parsing stopped early (syntax error, limit, undecodable bytes): the documents are partial
    /// and must not be analysed or rewritten.
    /// </summary>
    public bool IsComplete { get; }

    /// <summary>The first document's root, the one compose reads.</summary>
    public YamlNode? Root => Documents.IsDefaultOrEmpty ? null : Documents[0].Root;

    public static YamlSyntaxTree Parse(SourceText text, YamlParseLimits? limits = null) => new YamlTreeBuilder(text, limits ?? YamlParseLimits.Default).Build();
}
