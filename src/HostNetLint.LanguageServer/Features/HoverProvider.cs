using HostNetLint.LanguageServer.Analysis;
using HostNetLint.LanguageServer.Protocol;
using HostNetLint.LanguageServer.Workspace;

namespace HostNetLint.LanguageServer.Features;

/// <summary>Hover over a finding: each rule's title, why it matters (its description) and its page.</summary>
internal static class HoverProvider
{
    public static Hover? Provide(DocumentAnalysis analysis, Position position, bool markdown)
    {
        var offset = TextPositions.ToOffset(analysis.Text, position);
        var hits = analysis.Findings
            .Where(f => f.Location.Span.Contains(offset) || f.Location.Span.End == offset)
            .ToList();
        if (hits.Count == 0)
        {
            return null;
        }

        var rules = hits.Select(f => f.Descriptor).DistinctBy(d => d.Id).Select(d => markdown
            ? $"**{d.Id}: {d.Title}**\n\n{d.Description}\n\n[{d.HelpPath}]({d.HelpUri().AbsoluteUri})"
            : $"{d.Id}: {d.Title}\n\n{d.Description}\n\n{d.HelpUri().AbsoluteUri}");
        var value = string.Join(markdown ? "\n\n---\n\n" : "\n\n", rules);
        return new Hover(new MarkupContent(markdown ? "markdown" : "plaintext", value), TextPositions.ToRange(hits[0].Location.Source, hits[0].Location.Span));
    }
}
