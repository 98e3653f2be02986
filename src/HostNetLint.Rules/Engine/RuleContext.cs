using System.Collections.Immutable;
using HostNetLint.Model;
using HostNetLint.Parsing.Text;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Rules.Engine;

/// <summary>What a rule sees: the model, the options, and a way to report.</summary>
public sealed class RuleContext
{
    private readonly List<Diagnostic> sink;
    private readonly RuleDescriptor descriptor;
    private readonly Dictionary<object, object> shared;

    internal RuleContext(DeploymentModel model, LintOptions options, RuleDescriptor descriptor, List<Diagnostic> sink, Dictionary<object, object> shared)
    {
        Model = model;
        Options = options;
        this.descriptor = descriptor;
        this.sink = sink;
        this.shared = shared;
    }

    public DeploymentModel Model { get; }

    public LintOptions Options { get; }

    /// <summary>Reports the running rule at <paramref name="location"/>.</summary>
    /// <param name="logicalPath">What the finding is about, independent of lines, for fingerprints.</param>
    public void Report(Location location, FindingPath logicalPath, object?[] messageArguments, params RelatedLocation[] related) =>
        sink.Add(new Diagnostic(descriptor, location, descriptor.FormatMessage(messageArguments), descriptor.DefaultSeverity, [.. related], logicalPath));

    /// <summary>
    /// Reports the running rule with the fixes <paramref name="fix"/> offers, or the reason it offers none. It runs only
    /// when the fixes or the reason are asked for (fix, SARIF, JSON, the language server), at most once, after every rule
    /// has run, so it may read only the model, the options and shared analyses (<see cref="Get{T}"/>).
    /// </summary>
    public void Report(Location location, FindingPath logicalPath, object?[] messageArguments, Func<FixOffer> fix, params RelatedLocation[] related) =>
        sink.Add(new Diagnostic(descriptor, location, descriptor.FormatMessage(messageArguments), descriptor.DefaultSeverity, [.. related], logicalPath).WithFix(fix));

    /// <summary>
    /// Reports the running rule with a default severity of its own for this finding instead of the descriptor's: for a
    /// rule whose evidence differs in strength between findings (HNL1008: a targeted version, or an assumed one). The
    /// configuration layers still override it; <c>default</c> in them restores it.
    /// </summary>
    public void Report(Location location, FindingPath logicalPath, object?[] messageArguments, Severity defaultSeverity, params RelatedLocation[] related)
    {
        if (defaultSeverity is Severity.Default or Severity.None)
        {
            throw new ArgumentOutOfRangeException(nameof(defaultSeverity), defaultSeverity, "a finding's default is error, warning or note");
        }

        sink.Add(new Diagnostic(descriptor, location, descriptor.FormatMessage(messageArguments), defaultSeverity, [.. related], logicalPath));
    }

    /// <summary>The result of <paramref name="analysis"/> for this run, computed by the first rule that asks.</summary>
    public T Get<T>(SharedAnalysis<T> analysis)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(analysis);

        // Fixes made later, when asked for, may ask from several threads (a language server).
        lock (shared)
        {
            if (!shared.TryGetValue(analysis, out var value))
            {
                value = analysis.Compute(Model, Options);
                shared.Add(analysis, value);
            }

            return (T)value;
        }
    }

    internal static ImmutableArray<Diagnostic> Drain(List<Diagnostic> sink) => [.. sink];
}
