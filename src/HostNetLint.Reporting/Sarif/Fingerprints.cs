using System.Globalization;
using System.Security.Cryptography;
using System.Text;

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
}
