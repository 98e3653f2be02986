namespace HostNetLint.Hosting;

/// <summary>What a lint run does with the automatic fixes.</summary>
public enum FixMode
{
    /// <summary>Report only (<c>check</c>, a build without <c>HostNetLintFix</c>).</summary>
    None,

    /// <summary>Write the fixes atomically, then report what is left on disk (<c>fix</c>, <c>HostNetLintFix=true</c>).</summary>
    Apply,

    /// <summary>Compute the fixes and write nothing (<c>fix --dry-run</c>); the host shows them as a diff.</summary>
    DryRun,
}
