using HostNetLint.Model;
using HostNetLint.Parsing;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Fixing;

namespace HostNetLint.Rules.Input;

/// <summary>HNL0002: a mapping repeats a key; YAML forbids it and tools disagree on which value wins.</summary>
public sealed class HNL0002DuplicateKey : ParseProblemRule
{
    public static readonly RuleDescriptor Definition = RuleDescriptor.Create(
        "HNL0002",
        "Duplicate key in a mapping",
        "{0}.",
        RuleCategory.Input,
        Severity.Error,
        "YAML requires the keys of a mapping to be unique. docker compose rejects duplicates while other loaders silently keep the first or the last value, so the file means different things to different tools.",
        noFixReason: "Which of the values was meant cannot be inferred.");

    public override RuleDescriptor Descriptor => Definition;

    protected override ParseProblemKind Kind => ParseProblemKind.DuplicateKey;

    /// <summary>
    /// The duplicated key by its place in the tree (<c>services/web/image</c>). The message names the line of
    /// the first definition, so it would give the finding a new identity whenever lines move.
    /// </summary>
    protected override FindingPath Identity(SourceDocument document, ParseProblem problem)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(problem);
        var path = FindingPath.InFile(document.Path).Then(Definition.Id);
        return document.Yaml is { } tree && YamlNavigation.KeyPath(tree, problem.Span.Start) is { } keys ? path.Then([.. keys]) : path;
    }
}
