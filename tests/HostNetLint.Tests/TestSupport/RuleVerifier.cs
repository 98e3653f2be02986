using System.Text;
using HostNetLint.Fixes;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Tests.TestSupport;

/// <summary>
/// Verifies a rule against markup, Roslyn-style: the findings of the rule under test (and of every rule
/// named in a <c>{|ID:…|}</c> marker) must be exactly the marked spans, file by file; and its fix
/// (<see cref="VerifyFix"/>) must turn the text into exactly the expected bytes.
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

    /// <summary>
    /// Verifies the findings in <paramref name="markup"/> as <see cref="Verify(string, string, string)"/> does,
    /// then runs the fix engine for this rule alone over the file: the bytes it would write must be
    /// <paramref name="fixedText"/> (UTF-8, no BOM), and fixing those changes nothing. A finding without a safe
    /// fix is verified with <paramref name="fixedText"/> equal to the unmarked text.
    /// </summary>
    public static void VerifyFix(string ruleId, string markup, string fixedText, string fileName = "compose.yaml")
    {
        ArgumentNullException.ThrowIfNull(fixedText);
        Verify(ruleId, markup, fileName);
        var (text, bytes) = Fix(ruleId, fileName, TestMarkup.Parse(markup).Text);
        Assert.Multiple(() =>
        {
            Assert.That(text, Is.EqualTo(fixedText), $"{ruleId} fixed {fileName} differently");
            Assert.That(bytes, Is.EqualTo(Encoding.UTF8.GetBytes(fixedText)), "the bytes to write");
            Assert.That(Fix(ruleId, fileName, fixedText).Text, Is.EqualTo(fixedText), "fixing the fixed text again changes it");
        });
    }

    /// <summary>Fix-all of one rule over one file; the text and bytes it would write (the input when nothing changes).</summary>
    private static (string Text, byte[] Bytes) Fix(string ruleId, string fileName, string text)
    {
        using var temp = new TempDirectory();
        temp.Write(fileName, text);
        var result = FixAllEngine.Run(temp.Path, [], FixOptions.Default with { Rules = [ruleId] });
        var file = result.Files.SingleOrDefault(f => f.Path == fileName);
        Assert.That(file?.RefusedReason, Is.Null, $"the fix of {fileName} was refused");
        return file is { IsChanged: true } ? (file.NewText, file.NewBytes()) : (text, Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Renders a finding as text that shows the marked snippet, so a failure message is readable.</summary>
    private static string Describe(string id, string path, string text, int start, int end)
    {
        var line = 1 + text.AsSpan(0, start).Count('\n');
        return $"{id} {path.Replace('\\', '/')}:{line} [{start}..{end}) '{text[start..end]}'";
    }
}
