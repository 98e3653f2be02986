using System.Collections.Immutable;
using HostNetLint.Fixes;
using HostNetLint.Fuzz.Invariants;
using HostNetLint.Model;
using HostNetLint.Parsing.Systemd;
using HostNetLint.Parsing.Text;
using HostNetLint.Parsing.Yaml;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Fuzz.Targets;

/// <summary>
/// The fix engine (src/HostNetLint.Fixes/FixAllEngine.cs) over the files of a <see cref="Bundle"/>, checked against
/// what a fix promises rather than only "no exception". The files are fixed one pass at a time (so every pass's edits
/// are known), and each pass must:
/// <list type="bullet">
/// <item>apply exactly the edits of the fixes it selected, and write them in the file's own encoding;</item>
/// <item>leave a file that parses (YAML: completely and without problems; units: no more problems than before);</item>
/// <item>keep the parsed value of everything no edit touched (YAML leaves by key path, unit entries by section and key);</item>
/// <item>make each finding whose fix it applied disappear on re-linting;</item>
/// <item>not put a container that joins a pod on a network of its own (podman refuses it; the pod owns the network).</item>
/// </list>
/// The passes must settle within <see cref="FixOptions.MaxPasses"/> (after that, fixing again changes nothing), leave
/// no error of a kind the files did not have before (HNL1003 after an inherited <c>networks:</c>: compose rejects the
/// file), and fix-all in one run, as the CLI does it, must give the same texts. One exception: renaming a misspelt key
/// (HNL3002) makes it take effect, so what it says can bring real findings the ignored key hid (<c>volumos:</c> with
/// the libvirt socket, renamed, brings HNL2001 on the unit); those are allowed, but never an error that means the
/// runtime refuses the result.
/// </summary>
public static class FixEngineTarget
{
    /// <summary>The rule whose fix renames an ignored key, so that it takes effect.</summary>
    private const string RenamesAKey = "HNL3002";

    /// <summary>
    /// Errors that mean compose or podman refuses the file (not just that it misbehaves): no fix may bring one, even
    /// by making a renamed key take effect.
    /// </summary>
    private static readonly HashSet<string> RuntimeRefuses = new(StringComparer.Ordinal)
    {
        "HNL0001", "HNL0002", "HNL1003", "HNL1007", "HNL1009", "HNL1010",
    };

    public static void Run(ReadOnlySpan<byte> input)
    {
        using var scratch = new ScratchDirectory();
        var bytes = input.ToArray();
        var originals = Bundle.WriteTo(scratch.Path, bytes);
        var (byPasses, initial, settled, appliedRules) = FixPassByPass(scratch.Path);
        CheckNoNewErrors(initial, settled, revealing: appliedRules.Contains(RenamesAKey));

        Bundle.WriteTo(scratch.Path, bytes);
        var oneRun = FixAllEngine.Run(scratch.Path, [], FixOptions.Default);
        var oneRunTexts = oneRun.Changed.ToDictionary(f => f.Path, f => f.NewText, StringComparer.Ordinal);
        foreach (var (name, original) in originals)
        {
            // A file changed by one pass and changed back by a later one is unchanged, as in one run.
            var passText = byPasses.TryGetValue(name, out var text) && text != SourceText.Decode(original, name).Text ? text : null;
            var runText = oneRunTexts.GetValueOrDefault(name);
            InvariantViolationException.ThrowUnless(
                passText == runText,
                $"{name}: fix-all in one run gives {Describe(runText)}, fixing pass by pass gives {Describe(passText)}");
        }
    }

    /// <summary>
    /// Fixes the files under <paramref name="root"/> one pass at a time, checking each; returns each changed file's final
    /// text by path, and the findings before the first pass and after the last.
    /// </summary>
    private static (Dictionary<string, string> Texts, ImmutableArray<Diagnostic> Initial, ImmutableArray<Diagnostic> Settled, HashSet<string> AppliedRules) FixPassByPass(string root)
    {
        var options = FixOptions.Default with { MaxPasses = 1 };
        var changedTexts = new Dictionary<string, string>(StringComparer.Ordinal);
        var appliedRules = new HashSet<string>(StringComparer.Ordinal);
        ImmutableArray<Diagnostic>? initial = null;
        for (var pass = 1; ; pass++)
        {
            var lints = new List<(DeploymentModel Model, ImmutableArray<Diagnostic> Diagnostics)>();
            var result = FixAllEngine.Run(root, [], options, DeploymentModelBuilder.Build, (model, lintOptions) =>
            {
                var diagnostics = LintEngine.Run(model, lintOptions);
                lints.Add((model, diagnostics));
                return diagnostics;
            });
            var changed = result.Changed.ToList();
            initial ??= lints[0].Diagnostics;
            if (changed.Count == 0)
            {
                return (changedTexts, initial.Value, lints[0].Diagnostics, appliedRules);
            }

            InvariantViolationException.ThrowUnless(
                pass <= FixOptions.Default.MaxPasses,
                $"fixing does not settle: pass {pass} still changes {string.Join(", ", changed.Select(f => f.Path))}, so fixing again is not a no-op");
            // Before, and after each try of the pass (a try whose fixed finding survives is redone without that fix).
            InvariantViolationException.ThrowUnless(lints.Count >= 2, $"one fix pass linted {lints.Count} times, not before and after");
            ModelTarget.Check(lints[0].Model, lints[0].Diagnostics);
            appliedRules.UnionWith(CheckPass(changed, lints[0], lints[^1], options, result.NotFixed).Select(d => d.Id));

            foreach (var file in changed)
            {
                File.WriteAllBytes(file.FullPath, file.NewBytes());
                changedTexts[file.Path] = file.NewText;
            }
        }
    }

    /// <summary>Checks one pass; returns the findings whose fixes it applied.</summary>
    private static List<Diagnostic> CheckPass(
        List<FileFix> changed,
        (DeploymentModel Model, ImmutableArray<Diagnostic> Diagnostics) before,
        (DeploymentModel Model, ImmutableArray<Diagnostic> Diagnostics) after,
        FixOptions options,
        ImmutableArray<Diagnostic> notFixed)
    {
        // The fixes the engine chooses, without those it refused in this pass because their finding survived them.
        // NotFixed holds them as found after the pass, so they are matched by rule, file and logical path, not position.
        var notFixedPaths = notFixed.Select(d => (d.Id, d.Location.Path, d.LogicalPath)).ToHashSet();
        var refused = before.Diagnostics.Where(d => notFixedPaths.Contains((d.Id, d.Location.Path, d.LogicalPath))).Select(FindingKey.Of).Distinct().ToDictionary(k => k, _ => "refused");
        var offered = FixAllEngine.ChooseFixes(before.Diagnostics, options, refused);
        var editsByPath = new Dictionary<string, AppliedEdits>(StringComparer.Ordinal);
        var claimed = new List<Diagnostic>();
        foreach (var file in changed)
        {
            var document = before.Model.Documents.Single(d => ReferenceEquals(d.Text, file.Original));
            var candidates = offered.Where(o => ReferenceEquals(o.Fix.Document, document.Text)).ToList();
            var (edits, applied) = FixAllEngine.SelectEdits(candidates.Select(o => (o.Diagnostic.Id, o.Fix)));
            InvariantViolationException.ThrowUnless(
                TextEdit.Apply(document.Text.Text, edits) == file.NewText,
                $"{file.Path}: the fixed text is not the result of the edits of the fixes the engine selected");
            var appliedEdits = new AppliedEdits(edits);
            editsByPath.Add(file.Path, appliedEdits);
            claimed.AddRange(candidates.Where(o => applied.Any(a => ReferenceEquals(a.Fix, o.Fix))).Select(o => o.Diagnostic));

            CheckEncodingKept(file);
            CheckParsesAndKeepsValues(file, document, appliedEdits);
            PodNetworks.CheckNoneAdded(file);
        }

        foreach (var finding in claimed)
        {
            CheckFindingGone(finding, editsByPath, after.Diagnostics);
        }

        return claimed;
    }

    private static void CheckEncodingKept(FileFix file)
    {
        var decoded = SourceText.Decode(file.NewBytes(), file.Path);
        InvariantViolationException.ThrowUnless(
            decoded.DecodeFailure is null && decoded.Encoding == file.Original.Encoding && decoded.Text == file.NewText,
            $"{file.Path}: the fixed bytes do not read back as the fixed text in the file's encoding ({file.Original.Encoding})");
    }

    private static void CheckParsesAndKeepsValues(FileFix file, SourceDocument document, AppliedEdits edits)
    {
        var newText = SourceText.From(file.NewText, file.Path);
        if (document.Yaml is { } beforeTree)
        {
            var afterTree = YamlSyntaxTree.Parse(newText);
            InvariantViolationException.ThrowUnless(
                afterTree.IsComplete && afterTree.Problems.IsEmpty,
                $"{file.Path}: the fixed text does not parse: {(afterTree.Problems.IsEmpty ? "incomplete" : afterTree.Problems[0].Message)}");
            if (YamlLeaves.Of(beforeTree) is { } beforeLeaves && YamlLeaves.Of(afterTree) is { } afterLeaves)
            {
                LeafComparison.CheckUntouchedValuesKept(file.Path, beforeLeaves, afterLeaves, edits);
            }

            return;
        }

        var dialect = UnitFileSyntax.DialectFor(file.Path);
        var beforeUnit = UnitFileSyntax.Parse(document.Text, dialect);
        var afterUnit = UnitFileSyntax.Parse(newText, dialect);
        InvariantViolationException.ThrowUnless(
            afterUnit.IsComplete && afterUnit.Problems.Length <= beforeUnit.Problems.Length,
            $"{file.Path}: the fixed unit does not parse as well as before: {(afterUnit.Problems.IsEmpty ? "incomplete" : afterUnit.Problems[^1].Message)}");
        LeafComparison.CheckUntouchedValuesKept(file.Path, UnitLeaves.Of(beforeUnit), UnitLeaves.Of(afterUnit), edits);
    }

    /// <summary>A finding whose fix was applied is not reported again at the same place (its position mapped through the edits).</summary>
    private static void CheckFindingGone(Diagnostic finding, Dictionary<string, AppliedEdits> editsByPath, ImmutableArray<Diagnostic> after)
    {
        var start = editsByPath.TryGetValue(finding.Location.Path, out var edits) ? edits.Map(finding.Location.Span.Start) : finding.Location.Span.Start;
        if (start is null)
        {
            // An edit replaced the finding's own text: there is no "same place" to look at.
            return;
        }

        var survivor = after.FirstOrDefault(d => d.Id == finding.Id && d.Location.Path == finding.Location.Path && d.Location.Span.Start == start);
        InvariantViolationException.ThrowUnless(
            survivor is null,
            $"the fix of {finding.Id} was applied for {finding.Id} at {finding.Location}, and re-linting still reports it there: {survivor?.Message}");
    }

    /// <summary>
    /// Per file and rule, the errors after fixing are no more than before: a fix must not trade one error for another.
    /// When <paramref name="revealing"/> (a renamed key took effect), only errors that mean the runtime refuses the
    /// result count.
    /// </summary>
    private static void CheckNoNewErrors(ImmutableArray<Diagnostic> initial, ImmutableArray<Diagnostic> settled, bool revealing)
    {
        var before = initial.Where(d => d.Severity == Severity.Error).CountBy(d => (d.Location.Path, d.Id)).ToDictionary();
        foreach (var group in settled.Where(d => d.Severity == Severity.Error && (!revealing || RuntimeRefuses.Contains(d.Id))).GroupBy(d => (d.Location.Path, d.Id)))
        {
            var count = before.GetValueOrDefault(group.Key);
            InvariantViolationException.ThrowUnless(
                group.Count() <= count,
                $"fixing leaves {group.Count()} {group.Key.Id} error(s) in {group.Key.Path} where there were {count}: {group.First()}");
        }
    }

    private static string Describe(string? text) => text is null ? "no change" : LeafComparison.Show(text);
}
