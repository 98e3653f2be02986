using System.Globalization;
using System.Text;
using HostNetLint.Rules.Diagnostics;
using Microsoft.CodeAnalysis.Sarif;

namespace HostNetLint.Reporting.Sarif;

/// <summary>Turns a rule descriptor and its page into the <c>reportingDescriptor</c> that GitHub shows for the rule.</summary>
internal static class RuleMetadata
{
    public static ReportingDescriptor Describe(RuleDescriptor descriptor, string helpBaseUri)
    {
        var helpUri = descriptor.HelpUri(helpBaseUri);
        var page = RulePages.ReadMarkdown(descriptor.Id);
        var help = page is null
            ? new MultiformatMessageString { Text = descriptor.Description }
            : new MultiformatMessageString
            {
                Text = RulePages.ToPlainText(page),
                Markdown = RulePages.ResolveRelativeLinks(page, helpUri),
            };

        var rule = new ReportingDescriptor
        {
            Id = descriptor.Id,
            Name = Name(descriptor.Title),
            ShortDescription = new MultiformatMessageString { Text = Truncate(descriptor.Title) },
            FullDescription = new MultiformatMessageString { Text = Truncate(descriptor.Description) },
            Help = help,
            HelpUri = helpUri,
            DefaultConfiguration = new ReportingConfiguration
            {
                Level = SarifLevels.From(descriptor.DefaultSeverity),
                Enabled = descriptor.DefaultSeverity != Severity.None,
            },
        };

        rule.SetProperty("tags", descriptor.Tags.Take(SarifLimits.MaxTagsPerRule).ToArray());
        rule.SetProperty("precision", Precision(descriptor.Precision));
        rule.SetProperty("problem.severity", ProblemSeverity(descriptor.DefaultSeverity));
        if (descriptor.SecuritySeverity is { } securitySeverity)
        {
            // A string holding a number, as code scanning requires.
            rule.SetProperty("security-severity", securitySeverity.ToString("0.0", CultureInfo.InvariantCulture));
        }

        return rule;
    }

    /// <summary>A PascalCase name from the title ("Duplicate key" → DuplicateKey), the form CodeQL and Roslyn rule names take.</summary>
    public static string Name(string title)
    {
        var name = new StringBuilder(title.Length);
        var startOfWord = true;
        foreach (var c in title)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                startOfWord = true;
                continue;
            }

            name.Append(startOfWord ? char.ToUpperInvariant(c) : c);
            startOfWord = false;
        }

        return name.Length > SarifLimits.MaxRuleNameLength ? name.ToString(0, SarifLimits.MaxRuleNameLength) : name.ToString();
    }

    private static string Precision(RulePrecision precision) => precision switch
    {
        RulePrecision.VeryHigh => "very-high",
        RulePrecision.High => "high",
        RulePrecision.Medium => "medium",
        _ => "low",
    };

    private static string ProblemSeverity(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "recommendation",
    };

    private static string Truncate(string text) =>
        text.Length <= SarifLimits.MaxDescriptionLength ? text : string.Concat(text.AsSpan(0, SarifLimits.MaxDescriptionLength - 1), "…");
}
