namespace HostNetLint.Model;

/// <summary>Builds the <see cref="DeploymentModel"/> of a set of paths (files or directories).</summary>
public static class DeploymentModelBuilder
{
    /// <summary>
    /// Reads the compose projects under <paramref name="root"/> (or only those named by <paramref name="paths"/>)
    /// into a model. Never throws on bad input: unreadable, malformed or over-limit files become problems
    /// on their <see cref="SourceDocument"/>, and every other file is still read.
    /// </summary>
    public static DeploymentModel Build(string root, IReadOnlyList<string> paths, ModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        throw new NotImplementedException("compose loader under construction");
    }
}
