using HostNetLint.Parsing;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Rules.Input;

/// <summary>HNL0003: the input is over a size, depth, node-count or alias-expansion limit.</summary>
public sealed class HNL0003InputOverLimit : ParseProblemRule
{
    public static readonly RuleDescriptor Definition = RuleDescriptor.Create(
        "HNL0003",
        "Input exceeds a parser limit",
        "{0}.",
        RuleCategory.Input,
        Severity.Error,
        "HostNetLint bounds file size, nesting depth, node count and alias expansion so that hostile or broken input (an alias bomb, 100,000 nested brackets) cannot exhaust memory or the stack. A file over a limit is reported and not analysed.",
        noFixReason: "Only the author can shrink the input.");

    public override RuleDescriptor Descriptor => Definition;

    protected override ParseProblemKind Kind => ParseProblemKind.LimitExceeded;
}
