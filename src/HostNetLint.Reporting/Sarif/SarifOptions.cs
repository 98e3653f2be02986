using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Reporting.Sarif;

/// <summary>What a SARIF log depends on besides the findings.</summary>
public sealed record SarifOptions
{
    /// <summary>
    /// The repository root (absolute, or relative to the working directory); result URIs are relative to
    /// it, because code scanning resolves them against the checkout. <see cref="SourceRoots.Find"/> finds it.
    /// </summary>
    public required string SourceRoot { get; init; }

    /// <summary>The directory that relative diagnostic paths are relative to (the linted root); null for <see cref="SourceRoot"/>.</summary>
    public string? DiagnosticPathBase { get; init; }

    /// <summary>The tool's version, written as <c>tool.driver.semanticVersion</c>.</summary>
    public required string ToolVersion { get; init; }

    /// <summary>Base URL of the rule pages; every <c>helpUri</c> is this plus <c>rules/HNLxxxx.md</c>.</summary>
    public string HelpBaseUri { get; init; } = RuleDescriptor.DefaultHelpBaseUri;

    public Uri InformationUri { get; init; } = new("https://github.com/hostnetlint/hostnetlint");

    /// <summary>
    /// The code scanning category (<c>--sarif-category</c>). Null leaves <c>automationDetails</c> out so
    /// that the upload action's own category applies.
    /// </summary>
    public string? Category { get; init; }

    /// <summary>Keep suppressed findings, marked with <c>suppressions[]</c> (<c>--sarif-include-suppressed</c>).</summary>
    public bool IncludeSuppressed { get; init; }
}
