namespace HostNetLint.Rules.Diagnostics;

/// <summary>How often a finding of the rule is right (CodeQL's <c>@precision</c>; code scanning sorts and filters alerts by it).</summary>
public enum RulePrecision
{
    Low,
    Medium,
    High,
    VeryHigh,
}
