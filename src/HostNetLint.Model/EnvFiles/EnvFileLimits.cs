namespace HostNetLint.Model.EnvFiles;

/// <summary>Bounds on what env files may add to the model, so hostile ones cannot make it grow without limit.</summary>
internal static class EnvFileLimits
{
    /// <summary>The total length of one env file's values after interpolation (per-value: <see cref="Interpolation.Interpolator.MaxResultLength"/>).</summary>
    public const int MaxFileValueLength = 8 << 20;

    /// <summary>
    /// Env-file assignments handed to workloads over the whole model: the same file read by every service of a
    /// large project must not multiply its size by the number of services without bound.
    /// </summary>
    public const int MaxModelAssignments = 1_000_000;
}
