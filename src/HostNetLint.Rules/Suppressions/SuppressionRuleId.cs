using HostNetLint.Parsing.Text;

namespace HostNetLint.Rules.Suppressions;

/// <summary>One rule ID as written in a suppression comment, with its span (for HNL0005).</summary>
public sealed record SuppressionRuleId(string Id, TextSpan Span);
