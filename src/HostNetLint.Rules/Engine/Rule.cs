using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Rules.Engine;

/// <summary>
/// A rule: one descriptor and the check that reports it. Rules declare only defaults; severity
/// configuration and suppressions are applied centrally by the engine, after the rules ran.
/// </summary>
public abstract class Rule
{
    public abstract RuleDescriptor Descriptor { get; }

    public abstract void Analyze(RuleContext context);
}
