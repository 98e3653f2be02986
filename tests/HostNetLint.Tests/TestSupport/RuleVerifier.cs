using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Tests.TestSupport;

/// <summary>
/// Verifies a rule against markup, Roslyn-style: the findings of the rule under test (and of every rule
/// named in a <c>{|ID:…|}</c> marker) must be exactly the marked spans, file by file.
/// </summary>
public static class RuleVerifier
{
    public static IReadOnlyList<Diagnostic> Verify(string ruleId, string markup, string fileName = "compose.yaml") =>
        Verify(ruleId, LintOptions.Default, (fileName, markup));

    public static IReadOnlyList<Diagnostic> Verify(string ruleId, params (string Path, string Markup)[] files) =>
        Verify(ruleId, LintOptions.Default, files);

    public static IReadOnlyList<Diagnostic> Verify(string ruleId, LintOptions options, params (string Path, string Markup)[] files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var parsed = files.Select(f => (f.Path, Parsed: TestMarkup.Parse(f.Markup))).ToList();
        var ids = parsed.SelectMany(p => p.Parsed.Spans).Select(s => s.Id ?? ruleId).Append(ruleId).ToHashSet(StringComparer.Ordinal);

        var expected = parsed
            .SelectMany(p => p.Parsed.Spans.Select(s => Describe(s.Id ?? ruleId, p.Path, p.Parsed.Text, s.Span.Start, s.Span.End)))
            .Order(StringComparer.Ordinal)
            .ToList();

        var diagnostics = Lint.Files(options, [.. parsed.Select(p => (p.Path, p.Parsed.Text))]);
        var relevant = diagnostics.Where(d => ids.Contains(d.Id)).ToList();
        var actual = relevant
            .Select(d => Describe(d.Id, d.Location.Path, d.Location.Source.Text, d.Location.Span.Start, d.Location.Span.End))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.That(actual, Is.EqualTo(expected), "Findings differ from the markup. All findings:\n" + string.Join('\n', diagnostics));
        return relevant;
    }

    /// <summary>Renders a finding as text that shows the marked snippet, so a failure message is readable.</summary>
    private static string Describe(string id, string path, string text, int start, int end)
    {
        var line = 1 + text.AsSpan(0, start).Count('\n');
        return $"{id} {path.Replace('\\', '/')}:{line} [{start}..{end}) '{text[start..end]}'";
    }
}
