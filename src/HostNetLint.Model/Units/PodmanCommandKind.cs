namespace HostNetLint.Model.Units;

internal enum PodmanCommandKind
{
    /// <summary><c>podman run</c> or <c>podman create</c> (also <c>docker run</c>).</summary>
    Run,

    /// <summary><c>podman pod create</c>.</summary>
    PodCreate,
}
