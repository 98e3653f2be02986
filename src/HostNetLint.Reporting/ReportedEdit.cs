using HostNetLint.Parsing.Text;

namespace HostNetLint.Reporting;

/// <summary>Replace the text at <paramref name="Deleted"/> (empty for an insertion) with <paramref name="Inserted"/> (empty for a deletion).</summary>
public sealed record ReportedEdit(Location Deleted, string Inserted);
