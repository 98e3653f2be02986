namespace HostNetLint.Model.Units;

/// <summary>Where an install path lives in the linted root: a full path, or why none was found.</summary>
internal sealed record PathResolution(string? FullPath, string? Failure)
{
    /// <summary>The file a path mapping names in the root when that file does not exist.</summary>
    public string? MappedPath { get; init; }

    /// <summary>True when no file in the root ends with any part of the path (neither mapped nor ambiguous).</summary>
    public bool MatchesNothing { get; init; }

    public static PathResolution Found(string fullPath) => new(fullPath, null);

    public static PathResolution Missing(string failure) => new(null, failure);
}
