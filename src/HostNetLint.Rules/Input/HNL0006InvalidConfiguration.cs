using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Rules.Input;

/// <summary>
/// HNL0006: <c>hostnetlint.yaml</c> has an unknown key or a bad value. Reported by the configuration
/// loader at the offending key or value; when it is reported nothing else is linted, because a
/// half-read configuration would silently change what the other rules report.
/// </summary>
public sealed class HNL0006InvalidConfiguration : Rule
{
    public static readonly RuleDescriptor Definition = RuleDescriptor.Create(
        "HNL0006",
        "Invalid configuration",
        "{0}. Nothing was linted.",
        RuleCategory.Input,
        Severity.Error,
        "A configuration file with an unknown key (often a typo) or a value of the wrong kind would be applied only in part; HostNetLint stops instead of linting with settings the author did not intend.",
        noFixReason: "The intended setting cannot be inferred.");

    public override RuleDescriptor Descriptor => Definition;

    public override void Analyze(RuleContext context)
    {
        // Nothing to do here: see HostNetLint.Hosting.Configuration.HostNetLintConfigLoader, which runs before the model is built.
    }
}
