using System.Globalization;
using HostNetLint.Model.Compose;
using HostNetLint.Model.Runtime;
using HostNetLint.Model.Workloads;
using HostNetLint.Parsing.Text;
using HostNetLint.Rules.Analysis;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Rules.Networking;

/// <summary>
/// HNL1008: podman-compose 1.0.2 to 1.0.5 give a <c>network_mode: host</c> service the project network as well, which
/// podman 4 refuses (podman 3 lets it win), and releases before 1.3.0 give a service on an external network named
/// <c>host</c> a <c>--network-alias</c>, which podman refuses too. An error where <c>targets:</c> names an affected
/// release; a note on the unit that runs podman-compose when nothing says which release it is.
/// </summary>
public sealed class HNL1008PodmanComposeAddsSecondNetwork : Rule
{
    private const int MaxNamesShown = 5;

    public static readonly RuleDescriptor Definition = RuleDescriptor.Create(
        "HNL1008",
        "podman-compose puts a host-network service on a second network",
        "{0}: {1}",
        RuleCategory.Networking,
        Severity.Error,
        "podman-compose 1.0.2 to 1.0.5 (Debian 12 ships 1.0.3) add the project network to every service with a network_mode, and releases before 1.3.0 add a network alias to a service on an external network named host; podman 4 refuses either, so the container does not start, and podman 3 puts it on the project network. An error when targets: in hostnetlint.yaml names an affected release; a note on the unit that runs podman-compose when nothing shows which release it is.",
        noFixReason: "What works is outside the compose file: a podman-compose release with the fix, or starting the container without podman-compose.",
        runtimeFacts:
        [
            RuntimeFacts.PodmanComposeAddsProjectNetwork,
            RuntimeFacts.PodmanRefusesHostWithSecondNetwork,
            RuntimeFacts.PodmanThreeLaterNetworkWins,
            RuntimeFacts.PodmanComposePassesNetworkModeVerbatim,
            RuntimeFacts.PodmanComposeExternalHostNetworkGetsAlias,
            RuntimeFacts.PodmanNetworkAliasNeedsBridge,
            RuntimeFacts.PodmanComposeOldHostNetworkWorkarounds,
            RuntimeFacts.PodmanComposeWithoutPods,
            RuntimeFacts.PodmanComposeRunArgsComeFirst,
            RuntimeFacts.PodmanComposeOptionsOf106,
            RuntimeFacts.PodmanComposeOptionsOf110,
            RuntimeFacts.QuadletIntroduced,
        ]);

    public override RuleDescriptor Descriptor => Definition;

    public override void Analyze(RuleContext context)
    {
        var targets = context.Options.Targets;
        foreach (var project in context.Model.ComposeProjects)
        {
            var notes = new Dictionary<ComposeStarter, List<(Workload Service, HostNetworkCase Case)>>(ReferenceEqualityComparer.Instance);
            foreach (var service in project.Services)
            {
                if (CaseOf(service, targets) is not { } hostCase)
                {
                    continue;
                }

                // An error from one unit (or the targets) makes the notes of other units about this service moot.
                var unknownIn = new List<ComposeStarter>();
                var affected = false;
                foreach (var (starter, release) in Releases(project, service, targets))
                {
                    var match = release.Matches(hostCase.Range);
                    if (match == ReleaseMatch.Affected)
                    {
                        ReportError(context, service, hostCase, release.Exact!, starter, targets);
                        affected = true;
                        break;
                    }

                    if (match == ReleaseMatch.Unknown && starter is { Tool: ComposeTool.PodmanCompose })
                    {
                        unknownIn.Add(starter);
                    }
                }

                foreach (var starter in affected ? [] : unknownIn)
                {
                    (notes.TryGetValue(starter, out var list) ? list : notes[starter] = []).Add((service, hostCase));
                }
            }

            foreach (var (starter, services) in notes.Where(n => n.Value.Count > 0))
            {
                ReportAssumption(context, project, starter, services);
            }
        }
    }

    /// <summary>What podman-compose gets wrong about a service, and for which releases; null when it gets it right.</summary>
    private static HostNetworkCase? CaseOf(Workload service, RuntimeTargets targets)
    {
        if (!service.IsHostNetwork)
        {
            return null;
        }

        if (service.NetworkMode is { } mode && mode.Text.Trim().Length > 0)
        {
            return new HostNetworkCase(mode, IsExternalNetwork: false, RuntimeFacts.PodmanComposeAddsProjectNetwork.Versions);
        }

        // The alias is refused by the podman releases the fact was checked on; an older targeted podman may accept it.
        var aliasRefused = targets.Podman is not { } podman || RuntimeFacts.PodmanNetworkAliasNeedsBridge.Versions.Contains(podman);
        return service.Networks.FirstOrDefault(n => n.IsHostNetwork) is { } network && aliasRefused
            ? new HostNetworkCase(network.Name, IsExternalNetwork: true, RuntimeFacts.PodmanComposeExternalHostNetworkGetsAlias.Versions)
            : null;
    }

    /// <summary>
    /// The podman-compose releases that may start <paramref name="service"/>, each with the unit line that runs it (null
    /// when no unit does and the targets alone say podman-compose runs the project). Nothing when another tool starts it.
    /// </summary>
    private static IEnumerable<(ComposeStarter? Starter, PodmanComposeRelease Release)> Releases(ComposeProject project, Workload service, RuntimeTargets targets)
    {
        var starters = PodmanComposeRelease.StartersOf(project, service).ToList();
        if (starters.Count > 0)
        {
            return starters.Select(s => ((ComposeStarter?)s, PodmanComposeRelease.Of(s, targets)));
        }

        if (!PodmanComposeRelease.IsTargetedTool(targets))
        {
            return [];
        }

        // `podman compose` runs podman-compose when that is the tool the targets name; a project no unit starts is run by hand.
        var others = project.Starters.Where(s => s.StartsContainers).ToList();
        var podmanCompose = others.FirstOrDefault(s => s.Tool == ComposeTool.PodmanComposeCommand && (s.Services.IsEmpty || s.Services.Any(n => n.Text == service.Name)));
        return others.Count == 0 || podmanCompose is not null
            ? [(podmanCompose, PodmanComposeRelease.Targeted(targets))]
            : [];
    }

    private static void ReportError(RuleContext context, Workload service, HostNetworkCase hostCase, Version release, ComposeStarter? starter, RuntimeTargets targets)
    {
        var setting = hostCase.Setting;
        var subject = $"Service '{service.Name}' does not get the host network from podman-compose {release} (targets: in hostnetlint.yaml)";
        var explanation = hostCase.IsExternalNetwork
            ? ExternalNetworkExplanation(service, setting, release, targets)
            : NetworkModeExplanation(service, setting, release, targets);

        Location primary = setting.Location;
        var related = new List<RelatedLocation>();
        if (setting.IsInherited)
        {
            primary = service.Location;
            related.Add(new RelatedLocation(setting.Location, $"{(hostCase.IsExternalNetwork ? "the network" : "network_mode")} written here"));
            related.Add(new RelatedLocation(setting.Site, $"merged into '{service.Name}' here"));
        }

        if (starter is not null)
        {
            related.Add(new RelatedLocation(starter.Program.Location, $"'{starter.UnitName}' starts it with {starter.Program.Text}"));
        }

        context.Report(primary, FindingPath.Of(service).Then(hostCase.IsExternalNetwork ? "networks" : "network_mode"), [subject, explanation], [.. related]);
    }

    private static string NetworkModeExplanation(Workload service, ModelValue mode, Version release, RuntimeTargets targets)
    {
        var fix = RuntimeFacts.PodmanComposeAddsProjectNetwork;
        var text = mode.Text.Trim();
        var verbatim = text.StartsWith("service:", StringComparison.Ordinal) && RuntimeFacts.PodmanComposePassesNetworkModeVerbatim.Versions.Contains(release)
            ? $" It also passes '{text}' to podman unchanged, which podman refuses as well."
            : string.Empty;
        return $"with network_mode '{text}' it also passes --net and --network-alias {service.Name} for the project network, {PodmanRefusal(targets)}.{verbatim} "
            + $"podman-compose {fix.Versions.Until} fixed this ({ShortCommit(fix)}); with {release} no compose-file or command-line change works: "
            + $"upgrade podman-compose to {fix.Versions.Until} or later, or start this container without podman-compose, "
            + $"from a unit that runs `podman run --network host`{QuadletHint(targets)}.";
    }

    private static string ExternalNetworkExplanation(Workload service, ModelValue network, Version release, RuntimeTargets targets)
    {
        var alias = RuntimeFacts.PodmanComposeExternalHostNetworkGetsAlias;
        var modeFixed = RuntimeFacts.PodmanComposeAddsProjectNetwork.Versions.Until!;
        var remedy = release >= modeFixed
            ? $"write network_mode: host instead (podman-compose {modeFixed} and later give it no other network), or upgrade podman-compose to {alias.Versions.Until} or later, which writes --network=host:alias={service.Name}."
            : $"with {release} no compose-file change works: upgrade podman-compose to {alias.Versions.Until} or later (or to {modeFixed} and write network_mode: host), "
                + $"or start this container from a unit that runs `podman run --network host`{QuadletHint(targets)}.";
        return $"on the external network '{network.Text}' (named host) it gets --net host with --network-alias {service.Name}, which podman "
            + $"{RuntimeFacts.PodmanNetworkAliasNeedsBridge.Versions.From} and later refuse (\"--network-alias can only be set when the network mode is bridge\"): "
            + $"the container does not start. To fix it, {remedy}";
    }

    /// <summary>One note per unit line that runs podman-compose of unknown release, naming the services it would break.</summary>
    private static void ReportAssumption(RuleContext context, ComposeProject project, ComposeStarter starter, List<(Workload Service, HostNetworkCase Case)> services)
    {
        var names = services.Select(s => $"'{s.Service.Name}'").ToList();
        var shown = names.Count <= MaxNamesShown
            ? string.Join(", ", names)
            : $"{string.Join(", ", names.Take(MaxNamesShown))} and {(names.Count - MaxNamesShown).ToString(CultureInfo.InvariantCulture)} more";
        var modeRange = RuntimeFacts.PodmanComposeAddsProjectNetwork.Versions;
        var aliasRange = RuntimeFacts.PodmanComposeExternalHostNetworkGetsAlias.Versions;
        var hasMode = services.Any(s => !s.Case.IsExternalNetwork);
        var affected = hasMode ? $"{modeRange.From} to before {modeRange.Until}" : $"{aliasRange.From} to before {aliasRange.Until}";
        var subject = $"The host-network service{(names.Count == 1 ? string.Empty : "s")} {shown} of project '{project.Name}' "
            + $"{(names.Count == 1 ? "does" : "do")} not get the host network if '{starter.UnitName}' runs podman-compose {affected}";

        var what = string.Join(
            "; ",
            new[]
            {
                hasMode ? $"podman-compose {modeRange.From} to before {modeRange.Until} (Debian 12 ships 1.0.3) also put a service with network_mode on the project network, {PodmanRefusal(RuntimeTargets.None)}" : null,
                services.Any(s => s.Case.IsExternalNetwork) ? $"releases before {aliasRange.Until} give a service on an external network named host a --network-alias, which podman {RuntimeFacts.PodmanNetworkAliasNeedsBridge.Versions.From} and later refuse" : null,
            }.OfType<string>());
        var evidence = PodmanComposeRelease.Of(starter, RuntimeTargets.None).Evidence is { } option
            ? $" beyond at least {RuntimeFacts.PodmanComposeOptionsIntroducedBy[option.Flag].Versions.From} (its {option.Flag} needs that)"
            : string.Empty;
        var explanation = $"nothing shows which release {starter.Program.Text} is{evidence}, so this is a note that assumes an affected one. {what}. "
            + "Set targets: {podman-compose: RELEASE} in hostnetlint.yaml to check the release you run: an affected one makes this an error on each service, a fixed one silences it.";
        context.Report(
            starter.Program.Location,
            FindingPath.InFile(starter.Program.Location.Path).Then("podman-compose", project.Name),
            [subject, explanation],
            Severity.Note,
            [.. services.Select(s => new RelatedLocation(s.Case.Setting.Location, $"'{s.Service.Name}' is on the host network here"))]);
    }

    /// <summary>What podman does with --network host plus another network: refuses it (4.0 and later) or lets the other win (podman 3).</summary>
    private static string PodmanRefusal(RuntimeTargets targets) =>
        targets.Podman is { } targeted && RuntimeFacts.PodmanThreeLaterNetworkWins.Versions.Contains(targeted)
            ? $"and podman {targeted} lets that later network win: the container starts on the project network, not the host's"
            : $"which podman {RuntimeFacts.PodmanRefusesHostWithSecondNetwork.Versions.From} and later refuse (\"cannot set multiple networks without bridge network mode\"): the container does not start";

    private static string QuadletHint(RuntimeTargets targets) =>
        targets.Podman is { } podman && RuntimeFacts.QuadletIntroduced.Versions.Contains(podman)
            ? ", or a .container quadlet with Network=host"
            : string.Empty;

    /// <summary><c>containers/podman-compose@265e0ca</c> from the fact's full commit.</summary>
    private static string ShortCommit(RuntimeFact fact)
    {
        var commit = fact.Commit!;
        var at = commit.IndexOf('@', StringComparison.Ordinal);
        return commit[..(at + 8)];
    }

    /// <summary>The setting that puts a service on the host network, whether it is an external network, and the podman-compose releases that break it.</summary>
    private sealed record HostNetworkCase(ModelValue Setting, bool IsExternalNetwork, VersionRange Range);
}
