using System.Collections.Immutable;
using HostNetLint.Model;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Rules.Engine;

/// <summary>Runs every rule of the catalogue over a model, then applies severity configuration.</summary>
public static class LintEngine
{
    public static ImmutableArray<Diagnostic> Run(DeploymentModel model, LintOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var sink = new List<Diagnostic>();
        foreach (var rule in RuleCatalog.All)
        {
            rule.Analyze(new RuleContext(model, options, rule.Descriptor, sink));
        }

        return [.. sink
            .Select(d => options.SeverityOverrides.TryGetValue(d.Id, out var severity) ? d with { Severity = severity } : d)
            .Where(d => d.Severity != Severity.None)
            // Fixes compare by reference; two reports of the same finding are one, whatever their fix objects.
            .DistinctBy(d => d with { Fixes = [] })
            .OrderBy(d => d.Location.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Span.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)];
    }
}
