using System.Text.RegularExpressions;

namespace HostNetLint.Reporting.Sarif;

/// <summary>
/// The rule pages (<c>rules/HNLxxxx.md</c>) embedded at build time. A page that is not there yields
/// null, and the caller falls back to the descriptor's own text.
/// </summary>
internal static partial class RulePages
{
    private const string ResourcePrefix = "HostNetLint.RulePages.";

    /// <summary>The page's markdown without its front matter, with line breaks normalized to LF; null if there is no page.</summary>
    public static string? ReadMarkdown(string ruleId)
    {
        using var stream = typeof(RulePages).Assembly.GetManifestResourceStream(ResourcePrefix + ruleId + ".md");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        var body = StripFrontMatter(reader.ReadToEnd());
        return body.Length == 0 ? null : body;
    }

    /// <summary>Removes a leading <c>---</c> … <c>---</c> block: its keys are for our tests, not for readers.</summary>
    public static string StripFrontMatter(string page)
    {
        var text = page.ReplaceLineEndings("\n").TrimStart('\uFEFF');
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            return text.Trim();
        }

        var end = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        if (end < 0)
        {
            // An unterminated block is not front matter; keep the page as written.
            return text.Trim();
        }

        return text[(end + "\n---\n".Length)..].Trim();
    }

    /// <summary>
    /// Makes relative links absolute against the page's own address: GitHub shows help.markdown
    /// outside the repository, where a link such as <c>HNL1002.md</c> would lead nowhere.
    /// </summary>
    public static string ResolveRelativeLinks(string markdown, Uri pageUri) =>
        RelativeLink().Replace(markdown, match => "](" + new Uri(pageUri, match.Groups["target"].Value).AbsoluteUri + ")");

    /// <summary>A rough plain-text rendering for help.text, for viewers that do not render markdown.</summary>
    public static string ToPlainText(string markdown)
    {
        var lines = markdown.Split('\n')
            .Where(line => !line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            .Select(line => Heading().Replace(line, string.Empty));
        var text = string.Join('\n', lines);
        text = InlineLink().Replace(text, "${text} (${target})");
        return text.Replace("`", string.Empty, StringComparison.Ordinal).Trim();
    }

    [GeneratedRegex(@"\]\((?<target>(?![a-zA-Z][a-zA-Z0-9+.-]*:|#|/)[^)\s]+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex RelativeLink();

    [GeneratedRegex(@"^#{1,6}\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Heading();

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\((?<target>[^)\s]+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex InlineLink();
}
