using HostNetLint.Model.Compose;
using HostNetLint.Model.Runtime;
using HostNetLint.Model.Workloads;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Rules.Analysis;

/// <summary>Whether a release of a tool is in the range a runtime fact holds for, as far as the files and the targets tell.</summary>
public enum ReleaseMatch
{
    /// <summary>The release is known (targeted) and in the range.</summary>
    Affected,

    /// <summary>The release is known, or shown to be at least one past the range: the fact does not hold.</summary>
    NotAffected,

    /// <summary>Nothing says which release it is, or only a lower bound that the range may still hold.</summary>
    Unknown,
}

/// <summary>
/// What the files and hostnetlint.yaml say about the podman-compose release that starts a compose project: the targeted
/// release (<c>targets: podman-compose</c>), and the least release a unit's options need
/// (<see cref="RuntimeFacts.PodmanComposeOptionsIntroducedBy"/>: <c>--in-pod</c> needs 1.0.6, so a unit passing it runs 1.0.6 or later).
/// </summary>
/// <param name="Exact">The targeted release, unless the unit's options show it cannot be the one that runs.</param>
/// <param name="Minimum">The least release the unit's options need; null when they need none.</param>
/// <param name="Evidence">The option that shows <paramref name="Minimum"/>, for messages; null when none does.</param>
public sealed record PodmanComposeRelease(Version? Exact, Version? Minimum, ComposeOption? Evidence)
{
    /// <summary>The release for a project that no linted unit starts with podman-compose: the target, if any.</summary>
    public static PodmanComposeRelease Targeted(RuntimeTargets targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        return new(targets.PodmanCompose, null, null);
    }

    /// <summary>The release that runs <paramref name="starter"/>: the target, unless the starter's options need a later one.</summary>
    public static PodmanComposeRelease Of(ComposeStarter starter, RuntimeTargets targets)
    {
        ArgumentNullException.ThrowIfNull(starter);
        ArgumentNullException.ThrowIfNull(targets);
        ComposeOption? evidence = null;
        Version? minimum = null;
        foreach (var option in starter.Options)
        {
            if (RuntimeFacts.PodmanComposeOptionsIntroducedBy.GetValueOrDefault(option.Flag)?.Versions.From is { } since && (minimum is null || since > minimum))
            {
                (minimum, evidence) = (since, option);
            }
        }

        // A target older than what the unit needs cannot be the release that runs it: only the lower bound is known.
        var exact = targets.PodmanCompose is { } target && (minimum is null || target >= minimum) ? target : null;
        return new(exact, minimum, evidence);
    }

    /// <summary>Whether the release is in <paramref name="range"/>.</summary>
    public ReleaseMatch Matches(VersionRange range)
    {
        if (Exact is { } exact)
        {
            return range.Contains(exact) ? ReleaseMatch.Affected : ReleaseMatch.NotAffected;
        }

        return Minimum is { } minimum && range.Until is { } until && minimum >= until ? ReleaseMatch.NotAffected : ReleaseMatch.Unknown;
    }

    /// <summary>
    /// True when the project is taken to run with podman-compose although no linted unit starts it with podman-compose:
    /// <c>targets:</c> names podman-compose and not compose (or a unit runs <c>podman compose</c>, whose provider is then podman-compose).
    /// </summary>
    public static bool IsTargetedTool(RuntimeTargets targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        return targets.PodmanCompose is not null && targets.Compose is null;
    }

    /// <summary>The starters of <paramref name="project"/> that start <paramref name="service"/> with podman-compose (an <c>up</c> that names no service starts all).</summary>
    public static IEnumerable<ComposeStarter> StartersOf(ComposeProject project, Workload service)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(service);
        return project.Starters.Where(s => s.Tool == ComposeTool.PodmanCompose && s.StartsContainers
            && (s.Services.IsEmpty || s.Services.Any(n => n.Text == service.Name)));
    }
}
