using HostNetLint.Parsing;
using HostNetLint.Rules.Diagnostics;

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
}
