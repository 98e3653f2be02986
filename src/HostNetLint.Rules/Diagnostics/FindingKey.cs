namespace HostNetLint.Rules.Diagnostics;

/// <summary>
/// Names one finding of a lint run independently of its message: rule, the file it is reported in, what it is about,
/// and where it starts (findings about workloads of the same name, such as two <c>podman run</c> lines of one image,
/// share the rest). A fix names the other findings its edits change with these (<see cref="CodeFix.AlsoChanges"/>).
/// </summary>
public sealed record FindingKey(string RuleId, string Path, FindingPath LogicalPath, int Start)
{
    public static FindingKey Of(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return new FindingKey(diagnostic.Id, diagnostic.Location.Path, diagnostic.LogicalPath, diagnostic.Location.Span.Start);
    }

    /// <summary>The key of a finding reported at <paramref name="location"/>.</summary>
    public static FindingKey At(string ruleId, Parsing.Text.Location location, FindingPath logicalPath)
    {
        ArgumentNullException.ThrowIfNull(location);
        return new FindingKey(ruleId, location.Path, logicalPath, location.Span.Start);
    }

    public override string ToString() => $"{RuleId} {LogicalPath} in {Path}";
}
