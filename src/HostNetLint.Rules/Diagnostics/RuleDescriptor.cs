using System.Globalization;

namespace HostNetLint.Rules.Diagnostics;

/// <summary>
/// The identity and defaults of one rule (Roslyn's DiagnosticDescriptor). Created only through
/// <see cref="Create"/>, which derives the help link from the ID and checks the ID's block.
/// </summary>
public sealed class RuleDescriptor
{
    /// <summary>Where the rule pages live; the one place the public documentation address is written.</summary>
    public const string DefaultHelpBaseUri = "https://github.com/hostnetlint/hostnetlint/blob/main/";

    private RuleDescriptor(string id, string title, string messageFormat, RuleCategory category, Severity defaultSeverity, string description, string? noFixReason)
    {
        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        Category = category;
        DefaultSeverity = defaultSeverity;
        Description = description;
        NoFixReason = noFixReason;
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

    /// <summary>The rule page, relative to the repository root.</summary>
    public string HelpPath => $"rules/{Id}.md";

    public Uri HelpUri(string baseUri = DefaultHelpBaseUri) => new(new Uri(baseUri), HelpPath);

    public static RuleDescriptor Create(string id, string title, string messageFormat, RuleCategory category, Severity defaultSeverity, string description, string? noFixReason = null)
    {
        if (id.Length != 7 || !id.StartsWith("HNL", StringComparison.Ordinal) || !id[3..].All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"Rule ID '{id}' is not HNL followed by four digits", nameof(id));
        }

        var block = id[3] - '0';
        var expected = category switch
        {
            RuleCategory.Input => 0,
            RuleCategory.Networking => 1,
            RuleCategory.UnitOrdering => 2,
            _ => 3,
        };
        if (block != expected)
        {
            throw new ArgumentException($"Rule ID '{id}' is outside the HNL{expected}xxx block of category {category}", nameof(id));
        }

        return new RuleDescriptor(id, title, messageFormat, category, defaultSeverity, description, noFixReason);
    }

    public string FormatMessage(params object?[] arguments) => string.Format(CultureInfo.InvariantCulture, MessageFormat, arguments);

    public override string ToString() => Id;
}
