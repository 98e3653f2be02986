using System.Collections.Immutable;

namespace HostNetLint.Rules.Diagnostics;

/// <summary>Rule categories; each owns one block of IDs (see rules/id-ranges.txt).</summary>
public enum RuleCategory
{
    /// <summary>HNL0xxx: the input could not be read as intended, or the tool itself failed.</summary>
    Input,

    /// <summary>HNL1xxx: how workloads reach VMs and the host network.</summary>
    Networking,

    /// <summary>HNL2xxx: systemd ordering of what starts the workloads.</summary>
    UnitOrdering,

    /// <summary>HNL3xxx: compose files that work but should be tidied.</summary>
    ComposeHygiene,
}

/// <summary>What a category implies for its rules unless a descriptor says otherwise.</summary>
public static class RuleCategories
{
    /// <summary>The first digit of the category's IDs.</summary>
    public static int IdBlock(this RuleCategory category) => category switch
    {
        RuleCategory.Input => 0,
        RuleCategory.Networking => 1,
        RuleCategory.UnitOrdering => 2,
        _ => 3,
    };

    public static RulePrecision DefaultPrecision(this RuleCategory category) => category switch
    {
        RuleCategory.Input or RuleCategory.ComposeHygiene => RulePrecision.VeryHigh,
        _ => RulePrecision.High,
    };

    public static ImmutableArray<string> DefaultTags(this RuleCategory category) => category switch
    {
        RuleCategory.Input => ["input", "correctness"],
        RuleCategory.Networking => ["networking", "reliability", "compose"],
        RuleCategory.UnitOrdering => ["systemd", "reliability"],
        RuleCategory.ComposeHygiene => ["maintainability", "compose"],
        _ => [],
    };
}
