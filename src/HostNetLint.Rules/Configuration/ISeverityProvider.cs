using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Rules.Configuration;

/// <summary>Severity configuration that depends on the file of a finding (<c>.editorconfig</c> sections).</summary>
public interface ISeverityProvider
{
    /// <summary>The configured severity of <paramref name="descriptor"/> in the root-relative <paramref name="path"/>; null when not configured.</summary>
    Severity? GetSeverity(string path, RuleDescriptor descriptor);

    /// <summary>
    /// Findings about the configuration that applies to the root-relative <paramref name="paths"/>: a file that
    /// should have been read but could not be, so the severities it sets were not applied and the results changed.
    /// </summary>
    IEnumerable<Diagnostic> GetProblems(IEnumerable<string> paths) => [];
}
