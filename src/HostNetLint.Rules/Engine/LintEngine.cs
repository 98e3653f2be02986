using System.Collections.Immutable;
using HostNetLint.Model;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Suppressions;

namespace HostNetLint.Rules.Engine;

/// <summary>Runs every rule of the catalogue over a model, then applies severity configuration.</summary>
public static class LintEngine
{
    // Below this many documents the rules take less time than handing them to the thread pool (one file at a commit).
    private const int MinimumDocumentsForThreads = 64;

    public static ImmutableArray<Diagnostic> Run(DeploymentModel model, LintOptions options) => Analyze(model, options).Diagnostics;

    /// <summary>
    /// Runs the rules, then the central steps: inline suppressions (with HNL0005 about them), then severities
    /// (the rule's default for the finding &lt; per-file <see cref="LintOptions.FileSeverities"/> &lt; <see cref="LintOptions.SeverityOverrides"/>).
    /// Suppressions are matched before severities, so a suppression of a rule switched off is not reported as unused.
    /// </summary>
    public static LintResult Analyze(DeploymentModel model, LintOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var shared = new Dictionary<object, object>(ReferenceEqualityComparer.Instance);
        var sink = RunRules(model, options, shared);

        if (options.FileSeverities is { } fileSeverities)
        {
            sink.AddRange(fileSeverities.GetProblems(model.Documents.Select(d => d.Path)));
        }

        var outcome = SuppressionApplier.Apply(model, sink, options.RequireJustification);
        var reported = Finish(outcome.Reported.Concat(outcome.SuppressionProblems), options);
        var suppressed = outcome.Suppressed
            .Select(s => s with { Diagnostic = WithConfiguredSeverity(s.Diagnostic, options) })
            .Where(s => s.Diagnostic.Severity != Severity.None)
            .DistinctBy(s => SameFinding(s.Diagnostic))
            .ToImmutableArray();
        return new LintResult(OfferOnlyFixesWithoutSideEffects(reported, suppressed), suppressed);
    }

    /// <summary>
    /// Every rule of the catalogue, each with its own list of findings, joined in catalogue order: the same findings in
    /// the same order whether the rules ran on one thread or on several. Rules read the model, which nothing changes
    /// after it is built, and share analyses that <see cref="RuleContext.Get"/> computes once under its lock.
    /// </summary>
    private static List<Diagnostic> RunRules(DeploymentModel model, LintOptions options, Dictionary<object, object> shared)
    {
        var rules = RuleCatalog.Rules;
        var found = new List<Diagnostic>[rules.Length];
        void Run(int i)
        {
            found[i] = [];
            rules[i].Analyze(new RuleContext(model, options, rules[i].Descriptor, found[i], shared));
        }

        var threads = options.RuleThreads ?? (model.Documents.Length >= MinimumDocumentsForThreads ? Environment.ProcessorCount : 1);
        if (threads > 1)
        {
            try
            {
                Parallel.For(0, rules.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, Run);
            }
            catch (AggregateException failure) when (failure.InnerExceptions.Count > 0)
            {
                // A rule that fails fails the run as it would on one thread, with its own exception.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure.InnerExceptions[0]).Throw();
            }
        }
        else
        {
            for (var i = 0; i < rules.Length; i++)
            {
                Run(i);
            }
        }

        var sink = new List<Diagnostic>(found.Sum(f => f.Count));
        foreach (var findings in found)
        {
            sink.AddRange(findings);
        }

        return sink;
    }

    /// <summary>
    /// Keeps a fix only while every other finding its edits change (<see cref="CodeFix.AlsoChanges"/>, such as the
    /// services merging an anchor the fix edits) is reported too: a suppressed or switched-off finding is never fixed as
    /// a side effect. A finding left without fixes gets the reason; rules offer a narrower fallback where there is one
    /// (the service itself instead of the anchor), which then comes first. Like the rules' fixes, this is done only when
    /// a finding's fixes are asked for; the set of reported findings is built once, by the first.
    /// </summary>
    private static ImmutableArray<Diagnostic> OfferOnlyFixesWithoutSideEffects(ImmutableArray<Diagnostic> reported, ImmutableArray<SuppressedDiagnostic> suppressed)
    {
        var others = new Lazy<(HashSet<FindingKey> Reported, Dictionary<FindingKey, Diagnostic> Suppressed)>(() =>
        {
            var suppressedByKey = new Dictionary<FindingKey, Diagnostic>();
            foreach (var s in suppressed)
            {
                suppressedByKey.TryAdd(FindingKey.Of(s.Diagnostic), s.Diagnostic);
            }

            return (reported.Select(FindingKey.Of).ToHashSet(), suppressedByKey);
        });
        return [.. reported.Select(d => d.MayHaveFixes ? d.WithFix(() => WithoutSideEffects(d, others.Value.Reported, others.Value.Suppressed)) : d)];
    }

    private static FixOffer? WithoutSideEffects(Diagnostic diagnostic, HashSet<FindingKey> reportedKeys, Dictionary<FindingKey, Diagnostic> suppressedByKey)
    {
        var fixes = diagnostic.Fixes;
        if (fixes.IsDefaultOrEmpty)
        {
            return diagnostic.NoFixReason is { } reason ? FixOffer.None(reason) : null;
        }

        var safe = fixes.Where(f => f.AlsoChanges.IsDefaultOrEmpty || f.AlsoChanges.All(reportedKeys.Contains)).ToArray();
        if (safe.Length > 0)
        {
            return FixOffer.Of(safe);
        }

        var missing = fixes[0].AlsoChanges.First(k => !reportedKeys.Contains(k));
        return FixOffer.None(FixReasons.WouldChangeUnreported(missing, suppressedByKey.GetValueOrDefault(missing)));
    }

    private static ImmutableArray<Diagnostic> Finish(IEnumerable<Diagnostic> diagnostics, LintOptions options)
    {
        var configured = new List<Diagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            if (WithConfiguredSeverity(diagnostic, options) is { Severity: not Severity.None } kept)
            {
                configured.Add(kept);
            }
        }

        return [.. configured.DistinctBy(SameFinding).Order(ReportOrder)];
    }

    /// <summary>
    /// Findings by path, position, ID and message (a stable sort: ties keep the rules' order). One comparer instead of
    /// an OrderBy/ThenBy chain: each ThenBy costs Native AOT a generic virtual method lookup at its first call.
    /// </summary>
    public static Comparer<Diagnostic> ReportOrder { get; } = Comparer<Diagnostic>.Create((a, b) =>
    {
        var order = string.CompareOrdinal(a.Location.Path, b.Location.Path);
        if (order == 0)
        {
            order = a.Location.Span.Start.CompareTo(b.Location.Span.Start);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(a.Id, b.Id);
        }

        return order != 0 ? order : string.CompareOrdinal(a.Message, b.Message);
    });

    /// <summary>
    /// What makes two reports one finding: the rule, the place and the logical path (which names the workload). The
    /// first report wins. So a finding that a base's run and a variant's run over it (<c>-f base -f variant</c>) both
    /// have, at the same place in the base, is reported once, by the base's run (loaded first); a finding that only the
    /// variant's run has is its own. Fixes compare by reference, and are not part of the identity either.
    /// </summary>
    private static (string Id, Parsing.Text.Location Location, FindingPath LogicalPath) SameFinding(Diagnostic diagnostic) =>
        (diagnostic.Id, diagnostic.Location, diagnostic.LogicalPath);

    /// <summary>
    /// The finding with the severity configuration gives it. A rule reports each finding with its own default (the
    /// descriptor's, or one the rule decides for that finding); a configured severity replaces it, and
    /// <see cref="Severity.Default"/> keeps it.
    /// </summary>
    private static Diagnostic WithConfiguredSeverity(Diagnostic diagnostic, LintOptions options)
    {
        var configured = options.SeverityOverrides.TryGetValue(diagnostic.Id, out var severity)
            ? severity
            : options.FileSeverities?.GetSeverity(diagnostic.Location.Path, diagnostic.Descriptor);
        return configured is { } level && level != Severity.Default ? diagnostic with { Severity = level } : diagnostic;
    }
}
