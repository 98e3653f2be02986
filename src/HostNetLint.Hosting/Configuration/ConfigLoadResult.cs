using System.Collections.Immutable;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Hosting.Configuration;

/// <summary>A configuration file read: the configuration when it is valid, else the HNL0006 findings (and no configuration).</summary>
public sealed record ConfigLoadResult(HostNetLintConfig? Config, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool IsValid => Config is not null && Diagnostics.IsEmpty;
}
