using HostNetLint.Model;
using HostNetLint.Parsing;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Rules.Input;

/// <summary>
/// HNL0003: the input is over a size, depth, node-count or alias-expansion limit, or an env file's value would grow
/// past the interpolation limits (variables that reference each other).
/// </summary>
public sealed class HNL0003InputOverLimit : ParseProblemRule
{
    public static readonly RuleDescriptor Definition = RuleDescriptor.Create(
        "HNL0003",
        "Input exceeds a parser limit",
        "{0}.",
        RuleCategory.Input,
        Severity.Error,
        "HostNetLint bounds file size, nesting depth, node count, alias expansion and variable interpolation so that hostile or broken input (an alias bomb, 100,000 nested brackets, .env variables that double at every step) cannot exhaust memory or the stack. A file over a limit is reported and not analysed; an env file value over a limit is left as written.",
        noFixReason: "Only the author can shrink the input.");

    public override RuleDescriptor Descriptor => Definition;

    protected override ParseProblemKind Kind => ParseProblemKind.LimitExceeded;

    public override void Analyze(RuleContext context)
    {
        base.Analyze(context);
        ModelProblemReporting.Report(context, Definition, ModelProblemKind.LimitExceeded);
    }
}
