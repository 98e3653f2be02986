namespace HostNetLint.Model.Runtime;

/// <summary>The programs whose behaviour <see cref="RuntimeFacts"/> records.</summary>
public enum RuntimeTool
{
    /// <summary>The <c>podman</c> command line (run, create, pod create).</summary>
    Podman,

    /// <summary><c>podman-compose</c> (github.com/containers/podman-compose).</summary>
    PodmanCompose,

    /// <summary>Podman's quadlet systemd generator (<c>.container</c>, <c>.pod</c>, ... files).</summary>
    Quadlet,

    /// <summary>Docker Compose v2 (<c>docker compose</c>, compose-go).</summary>
    ComposeV2,

    /// <summary>Docker Compose v1 (<c>docker-compose</c>, the Python program; Debian 12 ships 1.29.2).</summary>
    ComposeV1,

    /// <summary>systemd (<c>systemd-run</c>, unit files).</summary>
    Systemd,
}

/// <summary>
/// The versions a fact holds for: from <see cref="From"/> (inclusive) to <see cref="Until"/> (exclusive, the first
/// release where it no longer holds). A null bound is open: every earlier release, or still true in the newest one checked.
/// </summary>
public readonly record struct VersionRange(Version? From, Version? Until)
{
    public static VersionRange Always => default;

    public static VersionRange Since(string version) => new(Version.Parse(version), null);

    public static VersionRange Before(string version) => new(null, Version.Parse(version));

    public static VersionRange Between(string from, string until) => new(Version.Parse(from), Version.Parse(until));

    public bool Contains(Version version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return (From is null || version >= From) && (Until is null || version < Until);
    }

    /// <summary>For messages and rule pages: <c>1.0.2 to 1.0.5</c>, <c>1.1.0 and later</c>, <c>before 4.0</c>, <c>all versions</c>.</summary>
    public override string ToString() => (From, Until) switch
    {
        (null, null) => "all versions",
        ({ } from, null) => $"{from} and later",
        (null, { } until) => $"before {until}",
        ({ } from, { } until) => $"{from} up to (not including) {until}",
    };
}

/// <summary>
/// One thing a runtime does with what the files say, for the versions it holds for, with where it is written.
/// </summary>
/// <param name="Id">A stable name (<c>podman-compose/host-network-joins-project-network</c>) tests and rule pages refer to.</param>
/// <param name="Tool">The program the fact is about.</param>
/// <param name="Versions">The releases of <paramref name="Tool"/> it holds for.</param>
/// <param name="Statement">What the program does, in one or two sentences a rule message can quote.</param>
/// <param name="Source">Where it is written: release tags, commits (repository@sha), issues, manual pages.</param>
public sealed record RuntimeFact(string Id, RuntimeTool Tool, VersionRange Versions, string Statement, string Source)
{
    /// <summary>The commit that changed the behaviour at <see cref="VersionRange.Until"/> (or introduced it at <see cref="VersionRange.From"/>), as <c>owner/repo@sha</c>.</summary>
    public string? Commit { get; init; }

    /// <summary>How the fact was checked on a Debian 12 machine (its packages), or null when it rests on <see cref="Source"/> alone.</summary>
    public string? Verified { get; init; }
}
