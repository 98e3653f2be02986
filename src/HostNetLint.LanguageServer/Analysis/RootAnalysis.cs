using System.Collections.Immutable;
using HostNetLint.Hosting;
using HostNetLint.LanguageServer.Workspace;
using HostNetLint.Model;
using HostNetLint.Parsing.Text;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.LanguageServer.Analysis;

/// <summary>The outcome of one lint of a root, with its findings by the full path of their file.</summary>
internal sealed class RootAnalysis
{
    private readonly Dictionary<SourceText, SourceDocument> byText;
    private readonly Dictionary<string, SourceDocument> byPath;

    public RootAnalysis(LintSnapshot snapshot, LintOutcome? outcome)
    {
        Snapshot = snapshot;
        Outcome = outcome;
        var root = outcome?.Root ?? snapshot.Root;
        FindingsByPath = outcome is null
            ? ImmutableDictionary<string, ImmutableArray<Diagnostic>>.Empty
            : outcome.Diagnostics.Concat(outcome.ConfigurationProblems)
                .GroupBy(d => FullPath(root, d.Location.Path), StringComparer.Ordinal)
                .ToImmutableDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);

        // Indexed once per lint: code actions look documents up per finding, and must not scan them each time.
        var documents = outcome?.Model?.Documents ?? [];
        byPath = documents.DistinctBy(d => FullPath(root, d.Path), StringComparer.Ordinal).ToDictionary(d => FullPath(root, d.Path), StringComparer.Ordinal);
        byText = new Dictionary<SourceText, SourceDocument>(ReferenceEqualityComparer.Instance);
        foreach (var document in documents)
        {
            byText.TryAdd(document.Text, document);
        }
    }

    public LintSnapshot Snapshot { get; }

    /// <summary>Null when nothing was linted (no document to name outside a project).</summary>
    public LintOutcome? Outcome { get; }

    public DeploymentModel? Model => Outcome?.Model;

    public ImmutableDictionary<string, ImmutableArray<Diagnostic>> FindingsByPath { get; }

    /// <summary>The full path of a finding's file: root-relative paths under the root, absolute ones as they are.</summary>
    public static string FullPath(string root, string path) => Path.GetFullPath(path, root);

    public string FullPathOf(string path) => FullPath(Outcome?.Root ?? Snapshot.Root, path);

    /// <summary>The analysis of one of the snapshot's documents.</summary>
    public DocumentAnalysis For(OpenDocument document) =>
        new(document, this, FindingsByPath.GetValueOrDefault(document.FullPath, []));

    /// <summary>The model's document of a full path (null when the model did not read it).</summary>
    public SourceDocument? ModelDocument(string fullPath) => byPath.GetValueOrDefault(fullPath);

    /// <summary>The model's document whose text a fix edits (null when the model did not read it).</summary>
    public SourceDocument? ModelDocument(SourceText text) => byText.GetValueOrDefault(text);
}
