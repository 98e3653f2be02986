using Location = HostNetLint.Parsing.Text.Location;

namespace HostNetLint.Reporting.Sarif;

/// <summary>A SARIF <c>artifactLocation</c>: a URI, relative to <paramref name="UriBaseId"/> when it has one.</summary>
internal readonly record struct SarifArtifactLocation(string Uri, string? UriBaseId);

/// <summary>
/// Artifact locations relative to the repository root. GitHub resolves relative URIs against the
/// checkout, and alerts only stay open across commits when each file's URI stays exactly the same.
/// </summary>
internal sealed class ArtifactUris
{
    public const string SourceRootBaseId = "SRCROOT";

    private readonly string root;
    private readonly string pathBase;

    public ArtifactUris(string sourceRoot, string? diagnosticPathBase)
    {
        root = Path.GetFullPath(sourceRoot);
        pathBase = diagnosticPathBase is null ? root : Path.GetFullPath(diagnosticPathBase);
        RootUri = new Uri(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, UriKind.Absolute);
    }

    /// <summary>The root as a <c>file:</c> URI ending in a slash, as <c>originalUriBaseIds</c> requires.</summary>
    public Uri RootUri { get; }

    /// <summary>The forward-slash, percent-encoded path of a file inside the root, or null for a file outside it.</summary>
    public string? RelativeUri(string path)
    {
        var relative = Path.GetRelativePath(root, FullPath(path));
        if (Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return null;
        }

        var segments = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return string.Join('/', segments.Select(Uri.EscapeDataString));
    }

    public SarifArtifactLocation For(string path) => RelativeUri(path) is { } relative
        ? new SarifArtifactLocation(relative, SourceRootBaseId)

        // The model reads nothing outside the root; should a path get here anyway, an absolute
        // file URI is still accepted by code scanning when it lies under the checkout.
        : new SarifArtifactLocation(UriText(new Uri(FullPath(path), UriKind.Absolute)), null);

    public SarifArtifactLocation For(Location location) => For(location.Path);

    /// <summary>
    /// A URI as the SARIF SDK writes it: a <c>file:</c> URI made from a path in its escaped form, any other
    /// as it was given.
    /// </summary>
    public static string UriText(Uri uri) =>
        uri.IsAbsoluteUri && uri.Scheme == Uri.UriSchemeFile && !uri.OriginalString.StartsWith("file:", StringComparison.Ordinal)
            ? uri.AbsoluteUri
            : uri.OriginalString;

    /// <summary>The text that identifies a file in a fingerprint: its relative URI, else its full path.</summary>
    public string Identity(string path) => RelativeUri(path) ?? FullPath(path).Replace('\\', '/');

    private string FullPath(string path) => Path.GetFullPath(path, pathBase);
}
