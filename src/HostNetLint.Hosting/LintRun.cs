using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using HostNetLint.Fixes;
using HostNetLint.Hosting.Configuration;
using HostNetLint.Model;
using HostNetLint.Parsing.Text;
using HostNetLint.Reporting.Baseline;
using HostNetLint.Reporting.Sarif;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;
using HostNetLint.Rules.Suppressions;

namespace HostNetLint.Hosting;

/// <summary>Builds the deployment model of a root and the paths named.</summary>
public delegate DeploymentModel ModelBuilder(string root, IReadOnlyList<string> paths, ModelOptions options);

/// <summary>Runs the rules over a model, keeping the suppressed findings apart.</summary>
public delegate LintResult ModelAnalyzer(DeploymentModel model, LintOptions options);

/// <summary>
/// The one lint pipeline every host runs: settings (defaults, .editorconfig, hostnetlint.yaml, the host's own)
/// -> model -> rules -> suppressions -> fixes -> baseline. Hosts build a <see cref="LintRequest"/> and render
/// the <see cref="LintOutcome"/>; nothing here writes to a console or a build log.
/// </summary>
public sealed class LintRun
{
    private readonly ModelBuilder? buildModel;

    /// <summary>The real model builder; tests pass their own (and then every run builds one model).</summary>
    public ModelBuilder BuildModel
    {
        get => buildModel ?? DeploymentModelBuilder.Build;
        init => buildModel = value;
    }

    /// <summary>The real engine; tests pass their own.</summary>
    public ModelAnalyzer Analyze { get; init; } = LintEngine.Analyze;

    public LintOutcome Execute(LintRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var root = request.Root;
        var paths = request.Paths;
        var scope = request.ReportAll ? ReportScope.Everything : ReportScope.Of(root, request.Scope.IsDefaultOrEmpty ? paths : request.Scope);
        var settings = LintSettingsBuilder.Build(request.Settings);
        if (!settings.IsValid)
        {
            // A half-read configuration lints nothing: the HNL0006 findings are the whole outcome.
            return new LintOutcome { Root = root, ConfigurationProblems = settings.ConfigurationProblems, FailLevel = settings.FailLevel };
        }

        if (request.ModelOnly)
        {
            var read = BuildModel(root, paths, settings.ModelOptions);
            return new LintOutcome { Root = RootOf(read, root), Model = read, DocumentCount = ReportedFiles(read, scope).Length, FailLevel = settings.FailLevel };
        }

        FixAllResult? fix = null;
        IReadOnlyList<(FileFix File, string? Failure)> writes = [];
        if (request.Fix != FixMode.None)
        {
            // Only findings in the named files are fixed, and only the named files are edited.
            var options = FixOptions.Default with { Model = settings.ModelOptions, Lint = settings.LintOptions, Rules = request.FixRules, MayEdit = scope.Contains };
            fix = FixAllEngine.Run(root, paths, options, (r, p, o) => BuildModel(r, p, o), (m, o) => [.. Analyze(m, o).Diagnostics.Where(d => scope.Contains(d.Location.Path))]);
            var fixRoot = RootOf(fix.Model, root);
            if (request.Fix == FixMode.DryRun)
            {
                var fixReported = ReportedFiles(fix.Model, scope);
                return new LintOutcome
                {
                    Root = fixRoot,
                    Diagnostics = fix.Remaining,
                    Model = fix.Model,
                    DocumentCount = fixReported.Length,
                    ReportedFiles = fixReported,
                    Fix = fix,
                    FailLevel = settings.FailLevel,
                };
            }

            writes = fix.WriteChanges(fixRoot);
        }

        if (request.Fix == FixMode.None && request.FindingsOnly && buildModel is null
            && LintSeparately(request, settings, scope) is { } separate)
        {
            return ApplyBaseline(request, separate);
        }

        // After fixes, the report comes from the files as they are now on disk (a write may have been refused).
        var model = BuildModel(root, paths, settings.ModelOptions);
        var result = Analyze(model, settings.LintOptions);
        var reported = ReportedFiles(model, scope);
        var outcome = new LintOutcome
        {
            Root = RootOf(model, root),
            Diagnostics = [.. result.Diagnostics.Where(d => scope.Contains(d.Location.Path))],
            Suppressed = [.. result.Suppressed.Where(s => scope.Contains(s.Diagnostic.Location.Path))],
            Model = model,

            // The summary's "in N files" counts the files reported on, not those only read for context.
            DocumentCount = reported.Length,
            ReportedFiles = reported,
            Fix = fix,
            Writes = writes,
            FailLevel = settings.FailLevel,
        };
        return ApplyBaseline(request, outcome);
    }

    /// <summary>
    /// The outcome of linting the separate deployment trees of the request a batch at a time, each batch's model dropped
    /// once its findings are released from it (linked trees joined into one model); null when the split is given up
    /// and the one model is needed.
    /// </summary>
    private LintOutcome? LintSeparately(LintRequest request, LintSettings settings, ReportScope scope)
    {
        // hosts: places files of any directory on one host, where their ports meet.
        if (!settings.LintOptions.Hosts.IsEmpty || SeparateDeployments.Plan(request.Root, request.Paths, settings.ModelOptions, request.FilesPerBatch) is not { } separate)
        {
            return null;
        }

        var release = new FindingRelease(request.ReportsFixes);
        var results = new List<ModelFindings>();
        var root = request.Root;
        while (LintNextBatch())
        {
            // The batch's model is garbage now. Collected at once it costs only what survives (the batch's findings);
            // left to the next batch's allocations, the collector would first copy it into an older generation. A
            // batch is sized to fit the young generation (FilesPerBatch), so a model is rarely copied at all.
            if (request.CollectsBetweenBatches)
            {
                GC.Collect(1, GCCollectionMode.Forced, blocking: true);
            }
        }

        if (!separate.AreSeparate)
        {
            return null;
        }

        var diagnostics = new List<Diagnostic>();
        var suppressed = ImmutableArray.CreateBuilder<SuppressedDiagnostic>();
        var reported = new List<string>();

        // A finding about a file no model reads (an .editorconfig that cannot be read) comes with every model it applies to.
        var outsideDocuments = new HashSet<(string Id, string Path, TextSpan Span, string Message)>();
        var models = 0;
        foreach (var result in results.Where(r => separate.Stands(r.Id)))
        {
            models++;
            diagnostics.AddRange(result.Diagnostics.Where(d => !d.OutsideDocuments || outsideDocuments.Add((d.Diagnostic.Id, d.Diagnostic.Location.Path, d.Diagnostic.Location.Span, d.Diagnostic.Message))).Select(d => d.Diagnostic));
            suppressed.AddRange(result.Suppressed);
            reported.AddRange(result.Reported);
        }

        reported.Sort(StringComparer.Ordinal);
        return new LintOutcome
        {
            Root = root,
            // Joined models come after the batches in walk order; the report's order is the one model's (a stable sort).
            Diagnostics = [.. diagnostics.Order(LintEngine.ReportOrder)],
            Suppressed = suppressed.ToImmutable(),
            DocumentCount = reported.Count,
            ReportedFiles = [.. reported],
            FailLevel = settings.FailLevel,
            SeparateModels = models,
        };

        // The model lives in this frame only, so once it returns nothing holds the batch.
        [MethodImpl(MethodImplOptions.NoInlining)]
        bool LintNextBatch()
        {
            if (separate.Next() is not { } next)
            {
                return false;
            }

            var model = next.Model;
            root = RootOf(model, request.Root);
            var result = Analyze(model, settings.LintOptions);
            var documents = model.Documents.Select(d => d.Path).ToHashSet(StringComparer.Ordinal);
            results.Add(new ModelFindings(
                next.Id,
                [.. result.Diagnostics.Where(d => scope.Contains(d.Location.Path)).Select(d => (d.Released(release), !documents.Contains(d.Location.Path)))],
                [.. result.Suppressed.Where(s => scope.Contains(s.Diagnostic.Location.Path)).Select(s => s with { Diagnostic = s.Diagnostic.Released(release) })],
                ReportedFiles(model, scope)));
            release.EndModel();
            return true;
        }
    }

    /// <summary>What one model of <see cref="LintSeparately"/> found, released from the model.</summary>
    private sealed record ModelFindings(
        int Id,
        ImmutableArray<(Diagnostic Diagnostic, bool OutsideDocuments)> Diagnostics,
        ImmutableArray<SuppressedDiagnostic> Suppressed,
        ImmutableArray<string> Reported);

    /// <summary>Writes the baseline when asked, then leaves out the findings the baseline to read already knows.</summary>
    private static LintOutcome ApplyBaseline(LintRequest request, LintOutcome outcome)
    {
        if (request.WriteBaselineFile is null && request.BaselineFile is null)
        {
            return outcome;
        }

        var options = new SarifOptions { SourceRoot = SourceRoots.Find(request.Root), DiagnosticPathBase = request.Root, ToolVersion = "0.0.0" };
        if (request.WriteBaselineFile is { } target)
        {
            SarifBaseline.Write(outcome.Diagnostics, target, options);
        }

        if (request.BaselineFile is not { } source)
        {
            return outcome;
        }

        var known = SarifBaseline.TryRead(source, out var error);
        if (known is null)
        {
            return outcome with { Diagnostics = [], Suppressed = [], BaselineError = error };
        }

        var split = known.Apply(outcome.Diagnostics, options);
        return outcome with { Diagnostics = split.New, BaselineKnownCount = split.Known.Length };
    }

    private static ImmutableArray<string> ReportedFiles(DeploymentModel model, ReportScope scope)
    {
        var files = ImmutableArray.CreateBuilder<string>();
        foreach (var document in model.Documents)
        {
            if (scope.Contains(document.Path))
            {
                files.Add(document.Path);
            }
        }

        return files.ToImmutable();
    }

    private static string RootOf(DeploymentModel model, string root) => model.Root.Length == 0 ? root : model.Root;
}
