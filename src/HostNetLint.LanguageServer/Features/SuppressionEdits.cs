using HostNetLint.Model;
using HostNetLint.Parsing.Text;
using HostNetLint.Parsing.Yaml;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Input;
using HostNetLint.Rules.Suppressions;

namespace HostNetLint.LanguageServer.Features;

/// <summary>
/// "Suppress HNLxxxx on this line": an inline comment ending in <c> -- </c> for the reason. In YAML it goes at the end
/// of the finding's line (<c># hostnetlint-disable-line ID -- </c>); where that cannot work (the line has a comment,
/// or ends inside a multi-line value) and in units, quadlets and env files, whose comments take whole lines, it is a
/// line of its own above (<c># hostnetlint-disable-next-line ID -- </c>). Each candidate is checked the way the
/// linter will read it: the text must parse as before, and the comment must cover the finding.
/// </summary>
internal static class SuppressionEdits
{
    /// <summary>The edit that silences <paramref name="finding"/> in <paramref name="document"/>; null when no comment can.</summary>
    public static TextEdit? Create(SourceDocument document, Diagnostic finding)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(finding);

        // HNL0005 is about the comments themselves; a comment cannot silence it (severity configuration can).
        if (finding.Id == HNL0005UnusedOrUnknownSuppression.Definition.Id || !ReferenceEquals(finding.Location.Source, document.Text))
        {
            return null;
        }

        var text = document.Text;
        var line = text.GetLinePosition(finding.Location.Span.Start).Line;
        var span = text.GetLineSpan(line);
        if (document.Yaml is not null)
        {
            var endOfLine = TextEdit.Insert(span.End, $" # hostnetlint-disable-line {finding.Id} -- ");
            if (Silences(document, endOfLine, finding, before: false))
            {
                return endOfLine;
            }
        }

        var content = text.ToString(span);
        var indentation = content[..(content.Length - content.TrimStart().Length)];
        var ownLine = TextEdit.Insert(span.Start, $"{indentation}# hostnetlint-disable-next-line {finding.Id} -- {text.DominantLineBreak}");
        return Silences(document, ownLine, finding, before: true) ? ownLine : null;
    }

    /// <param name="before">The comment goes before the finding's start (a line above) rather than after it.</param>
    private static bool Silences(SourceDocument document, TextEdit edit, Diagnostic finding, bool before)
    {
        var start = finding.Location.Span.Start;
        var shifted = before || edit.Span.Start < start ? start + edit.NewText.Length : start;
        var text = SourceText.From(TextEdit.Apply(document.Text.Text, [edit])!, document.Path);
        YamlSyntaxTree? tree = null;
        if (document.Yaml is { } original)
        {
            tree = YamlSyntaxTree.Parse(text);
            if (!tree.IsComplete || tree.Problems.Length > original.Problems.Length)
            {
                return false;
            }
        }

        var probe = new SourceDocument { Path = document.Path, Text = text, Yaml = tree };
        return SuppressionScanner.Scan(probe).Any(d => d.Covers(finding.Id, shifted));
    }
}
