using System.Globalization;
using System.Text;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Reporting.Sarif;

/// <summary>Writes a rule descriptor and its page as the <c>reportingDescriptor</c> that GitHub shows for the rule.</summary>
internal static class RuleMetadata
{
    /// <summary>Members in the SDK's order (<c>id</c>, <c>name</c>, <c>fullDescription</c>, <c>help</c>, <c>shortDescription</c>, ...).</summary>
    public static void Write(SarifJsonWriter json, RuleDescriptor descriptor, string helpBaseUri)
    {
        var helpUri = descriptor.HelpUri(helpBaseUri);
        var page = RulePages.ReadMarkdown(descriptor.Id);
        var shortDescription = Truncate(descriptor.Title);
        var fullDescription = Truncate(descriptor.Description);

        json.StartObject();
        json.String("id", descriptor.Id);
        json.String("name", Name(descriptor.Title));
        if (!string.IsNullOrEmpty(fullDescription))
        {
            json.Name("fullDescription");
            WriteMessage(json, fullDescription);
        }

        json.Name("help");
        if (page is null)
        {
            WriteMessage(json, descriptor.Description);
        }
        else
        {
            WriteMessage(json, RulePages.ToPlainText(page), RulePages.ResolveRelativeLinks(page, helpUri));
        }

        // The SDK leaves the short description out when it says what the full one says.
        if (!fullDescription.Trim().Equals(shortDescription.Trim(), StringComparison.InvariantCultureIgnoreCase))
        {
            json.Name("shortDescription");
            WriteMessage(json, shortDescription);
        }

        // Enabled at warning level is the default configuration, and then it is left out.
        var level = SarifLevels.From(descriptor.DefaultSeverity);
        var enabled = descriptor.DefaultSeverity != Severity.None;
        if (!enabled || level != SarifLevels.Default)
        {
            json.Name("defaultConfiguration");
            json.StartObject();
            if (!enabled)
            {
                json.Name("enabled");
                json.Boolean(false);
            }

            if (level != SarifLevels.Default)
            {
                json.String("level", level);
            }

            json.EndObject();
        }

        json.String("helpUri", ArtifactUris.UriText(helpUri));

        // A property bag holds each value as compact JSON, which the SDK writes as it is: an array on one line.
        json.Name("properties");
        json.StartObject();
        json.Name("tags");
        json.Raw(SarifJsonWriter.CompactArray(descriptor.Tags.Take(SarifLimits.MaxTagsPerRule)));
        json.String("precision", Precision(descriptor.Precision));
        json.String("problem.severity", ProblemSeverity(descriptor.DefaultSeverity));
        if (descriptor.SecuritySeverity is { } securitySeverity)
        {
            // A string holding a number, as code scanning requires.
            json.String("security-severity", securitySeverity.ToString("0.0", CultureInfo.InvariantCulture));
        }

        json.EndObject();
        json.EndObject();
    }

    /// <summary>A <c>multiformatMessageString</c>; the SDK writes neither form when it is blank.</summary>
    private static void WriteMessage(SarifJsonWriter json, string text, string? markdown = null)
    {
        json.StartObject();
        if (!string.IsNullOrWhiteSpace(text))
        {
            json.String("text", text);
        }

        if (!string.IsNullOrWhiteSpace(markdown))
        {
            json.String("markdown", markdown);
        }

        json.EndObject();
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
