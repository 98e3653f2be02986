using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Reporting.Sarif;

/// <summary>
/// HostNetLint's own <c>partialFingerprints</c> entry. It hashes the rule, the repository-relative file
/// and the finding's logical path (which names the workload and the key path, e.g.
/// <c>airflow/airflow-webserver/ports</c>) and no line or column, so an alert keeps its identity when
/// lines above it move. Findings that share all three are told apart by their order in the file,
/// as GitHub's own line hash does with its <c>:n</c> suffix.
/// </summary>
public static class Fingerprints
{
    /// <summary>The key in <c>partialFingerprints</c>; bump the version when the hashed identity changes.</summary>
    public const string Key = "hostNetLint/v1";

    /// <summary>The hash of a finding's identity, without the occurrence suffix.</summary>
    public static string Identity(string ruleId, string artifactUri, string logicalPath)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        ArgumentNullException.ThrowIfNull(artifactUri);
        ArgumentNullException.ThrowIfNull(logicalPath);

        // A separator that cannot occur in the parts keeps ("a", "b/c") and ("a/b", "c") apart.
        var bytes = Encoding.UTF8.GetBytes(string.Join('\0', ruleId, artifactUri, logicalPath));
        return Convert.ToHexStringLower(SHA256.HashData(bytes), 0, 16);
    }

    /// <summary>The fingerprint of the <paramref name="occurrence"/>-th (1-based) finding with this identity, in file order.</summary>
    public static string Format(string identity, int occurrence) =>
        string.Create(CultureInfo.InvariantCulture, $"{identity}:{occurrence}");

    /// <summary>
    /// The fingerprint of every finding, as SARIF's <c>partialFingerprints</c>, GitLab's <c>fingerprint</c> and the
    /// JSON report write it: files are named by their URI relative to <paramref name="sourceRoot"/> (relative
    /// diagnostic paths start at <paramref name="diagnosticPathBase"/>), findings that share an identity are numbered
    /// in file order. Unique within one run.
    /// </summary>
    public static Dictionary<Diagnostic, string> Assign(IEnumerable<Diagnostic> diagnostics, string sourceRoot, string? diagnosticPathBase)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(sourceRoot);
        return Assign(diagnostics, new ArtifactUris(sourceRoot, diagnosticPathBase).Identity);
    }

    internal static Dictionary<Diagnostic, string> Assign(IEnumerable<Diagnostic> diagnostics, Func<string, string> fileIdentity)
    {
        var assigned = new Dictionary<Diagnostic, string>(ReferenceEqualityComparer.Instance);
        var byIdentity = diagnostics.GroupBy(d => Identity(d.Id, fileIdentity(d.Location.Path), d.LogicalPath.Value), StringComparer.Ordinal);
        foreach (var group in byIdentity)
        {
            var occurrence = 0;
            foreach (var diagnostic in group.OrderBy(d => d.Location.Span.Start).ThenBy(d => d.Location.Span.End))
            {
                assigned[diagnostic] = Format(group.Key, ++occurrence);
            }
        }

        return assigned;
    }
}
