using System.Collections.Immutable;
using HostNetLint.Fixes;
using HostNetLint.Hosting.Configuration;
using HostNetLint.Model;
using HostNetLint.Reporting.Baseline;
using HostNetLint.Reporting.Sarif;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;

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
    /// <summary>The real model builder; tests pass their own.</summary>
    public ModelBuilder BuildModel { get; init; } = DeploymentModelBuilder.Build;

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
