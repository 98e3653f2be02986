using System.Collections.Immutable;

namespace HostNetLint.Reporting;

/// <summary>One way to resolve a finding: a description and the text edits it makes, possibly in several files.</summary>
public sealed record ReportedFix(string Description, ImmutableArray<ReportedEdit> Edits);
