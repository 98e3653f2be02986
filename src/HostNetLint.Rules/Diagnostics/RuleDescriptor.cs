using System.Collections.Immutable;
using System.Globalization;
using HostNetLint.Model.Runtime;

namespace HostNetLint.Rules.Diagnostics;

/// <summary>
/// Everything HostNetLint says about a rule (Roslyn's DiagnosticDescriptor plus what code scanning reads):
/// the single source of its ID, texts, category, default severity, fixability, precision, tags and
/// security severity. The rule pages' front matter, the rule tables, the configuration schema's rule IDs
/// and the SARIF rule table are generated from it or checked against it. Created only through
/// <see cref="Create"/>, which derives the help link from the ID and checks the ID's block.
/// </summary>
public sealed class RuleDescriptor
{
    /// <summary>Where the rule pages live; the one place the public documentation address is written.</summary>
    public const string DefaultHelpBaseUri = "https://github.com/hostnetlint/hostnetlint/blob/main/";

    private RuleDescriptor(string id, string title, string messageFormat, RuleCategory category, Severity defaultSeverity, string description, string? noFixReason, RulePrecision precision, ImmutableArray<string> tags, decimal? securitySeverity, ImmutableArray<RuntimeFact> runtimeFacts)
    {
        RuntimeFacts = runtimeFacts;
        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        Category = category;
        DefaultSeverity = defaultSeverity;
        Description = description;
        NoFixReason = noFixReason;
        Precision = precision;
        Tags = tags;
        SecuritySeverity = securitySeverity;
    }

    /// <summary>HNL + four digits; never reused once shipped.</summary>
    public string Id { get; }

    /// <summary>Short imperative title, no trailing period.</summary>
    public string Title { get; }

    /// <summary>Composite format for the message; the first sentence must work as an alert title.</summary>
    public string MessageFormat { get; }

    public RuleCategory Category { get; }

    public Severity DefaultSeverity { get; }

    public string Description { get; }

    /// <summary>Why the rule has no automatic fix; null when it has one.</summary>
    public string? NoFixReason { get; }

    public bool IsFixable => NoFixReason is null;

    /// <summary>How often a finding is right; the category's unless the rule says otherwise.</summary>
    public RulePrecision Precision { get; }

    /// <summary>Filter tags code scanning shows (CodeQL's <c>@tags</c>); the category's unless the rule says otherwise.</summary>
    public ImmutableArray<string> Tags { get; }

    /// <summary>
    /// A CVSS-like score from 0.1 to 10 for security findings only (tagged <c>security</c>); code scanning
    /// then lists the rule under security and ranks it by this. Null for every other rule.
    /// </summary>
    public decimal? SecuritySeverity { get; }

    /// <summary>
    /// The runtime behaviour the rule relies on (<see cref="Model.Runtime.RuntimeFacts"/>): the rule page's "Runtime facts"
    /// table, with versions and sources, is generated from these.
    /// </summary>
    public ImmutableArray<RuntimeFact> RuntimeFacts { get; }

    /// <summary>The rule page, relative to the repository root.</summary>
    public string HelpPath => $"rules/{Id}.md";

    public Uri HelpUri(string baseUri = DefaultHelpBaseUri) => new(new Uri(baseUri), HelpPath);

    /// <param name="precision">Null for the category's (<see cref="RuleCategories.DefaultPrecision"/>).</param>
    /// <param name="tags">Null for the category's (<see cref="RuleCategories.DefaultTags"/>).</param>
    /// <param name="securitySeverity">Only for rules tagged <c>security</c>.</param>
    /// <param name="runtimeFacts">The facts of <see cref="Model.Runtime.RuntimeFacts"/> the rule relies on, in the order its page lists them.</param>
    public static RuleDescriptor Create(
        string id,
        string title,
        string messageFormat,
        RuleCategory category,
        Severity defaultSeverity,
        string description,
        string? noFixReason = null,
        RulePrecision? precision = null,
        IEnumerable<string>? tags = null,
        decimal? securitySeverity = null,
        IEnumerable<RuntimeFact>? runtimeFacts = null)
    {
        if (id.Length != 7 || !id.StartsWith("HNL", StringComparison.Ordinal) || !id[3..].All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"Rule ID '{id}' is not HNL followed by four digits", nameof(id));
        }

        var expected = category.IdBlock();
        if (id[3] - '0' != expected)
        {
            throw new ArgumentException($"Rule ID '{id}' is outside the HNL{expected}xxx block of category {category}", nameof(id));
        }

        var tagList = tags is null ? category.DefaultTags() : [.. tags];
        if (securitySeverity is { } score && (score < 0.1m || score > 10m || !tagList.Contains("security")))
        {
            throw new ArgumentException($"Rule {id}: a security severity is a score from 0.1 to 10 of a rule tagged 'security'", nameof(securitySeverity));
        }

        return new RuleDescriptor(id, title, messageFormat, category, defaultSeverity, description, noFixReason, precision ?? category.DefaultPrecision(), tagList, securitySeverity, [.. runtimeFacts ?? []]);
    }

    public string FormatMessage(params object?[] arguments) => string.Format(CultureInfo.InvariantCulture, MessageFormat, arguments);

    public override string ToString() => Id;
}
