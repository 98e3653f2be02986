using System.Collections.Immutable;
using HostNetLint.Model;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Fixes;

/// <summary>What fix-all reads and which rules it may fix.</summary>
public sealed record FixOptions
{
    public static FixOptions Default { get; } = new();

    /// <summary>Rule IDs to fix; empty means every rule with a fix.</summary>
    public ImmutableHashSet<string> Rules { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary>Fix, re-parse, re-lint rounds at most (a fix can enable another, such as HNL1001 then HNL1003).</summary>
    public int MaxPasses { get; init; } = 8;

    public ModelOptions Model { get; init; } = ModelOptions.Default;

    public LintOptions Lint { get; init; } = LintOptions.Default;

    /// <summary>Which files (root-relative paths) fixes may edit; null means every file under the root.</summary>
    public Func<string, bool>? MayEdit { get; init; }

    public bool Selects(string ruleId) => Rules.IsEmpty || Rules.Contains(ruleId);
}
