using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Rules.Input;

/// <summary>
/// HNL0005: an inline suppression names an unknown rule, suppressed nothing, or (with
/// <c>--require-justification</c>) gives no reason. Reported by the engine's suppression step, after
/// every other rule ran, because whether a suppression was used depends on their findings
/// (<see cref="Suppressions.SuppressionApplier"/>); so it has a descriptor and no <see cref="Engine.Rule"/>.
/// </summary>
public static class HNL0005UnusedOrUnknownSuppression
{
    public static readonly RuleDescriptor Definition = RuleDescriptor.Create(
        "HNL0005",
        "Suppression is unused, unknown or without a reason",
        "{0}.",
        RuleCategory.Input,
        Severity.Warning,
        "A suppression comment that names a rule HostNetLint does not have, or that no longer suppresses anything, silently stops protecting the line it was written for; one without a reason cannot be reviewed.",
        noFixReason: "Whether to delete, move or justify the suppression is the author's decision.");
}
