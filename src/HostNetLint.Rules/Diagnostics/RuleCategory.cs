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
