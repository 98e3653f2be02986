namespace HostNetLint.Model.Units;

/// <summary>Where an install path lives in the linted root: a full path, or why none was found.</summary>
internal sealed record PathResolution(string? FullPath, string? Failure)
{
    public static PathResolution Found(string fullPath) => new(fullPath, null);

    public static PathResolution Missing(string failure) => new(null, failure);
}
