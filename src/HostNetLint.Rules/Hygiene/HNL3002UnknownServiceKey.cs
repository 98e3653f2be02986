using System.Collections.Immutable;
using HostNetLint.Model.Compose;
using HostNetLint.Model.Runtime;
using HostNetLint.Parsing.Text;
using HostNetLint.Parsing.Yaml;
using HostNetLint.Rules.Analysis;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;
using HostNetLint.Rules.Fixing;

namespace HostNetLint.Rules.Hygiene;

/// <summary>
/// HNL3002: a service key the compose specification does not have (<c>network-mode</c>, <c>netwrok_mode</c>): compose
/// refuses the file, podman-compose ignores the key. Suggests the nearest key and renames it when that is unambiguous.
/// </summary>
public sealed class HNL3002UnknownServiceKey : Rule
{
    public static readonly RuleDescriptor Definition = RuleDescriptor.Create(
        "HNL3002",
        "Unknown service key",
        "'{0}' is not a compose service key ({1}): compose refuses the file and podman-compose ignores the key.{2}",
        RuleCategory.ComposeHygiene,
        Severity.Warning,
        "A service takes the keys of the compose specification and x- extensions. Docker Compose checks the file against the specification and refuses an unknown key; podman-compose does not check and silently ignores it, so a misspelled network_mode leaves the service on the project network. Keys podman-compose documents or reads (x-podman, publishall, init-path, http_proxy) are not reported.",
        runtimeFacts:
        [
            RuntimeFacts.ComposeServiceKeySet,
            RuntimeFacts.ComposeRefusesUnknownKeys,
            RuntimeFacts.PodmanComposeIgnoresUnknownKeys,
            RuntimeFacts.PodmanComposeServiceKeysOutsideSpec,
            RuntimeFacts.PodmanComposeReadsNoPodmanArgsKey,
            RuntimeFacts.ComposeV1RejectsNewerSpec,
        ]);

    /// <summary>Keys people write for podman-compose that no release reads, with what to say instead of a suggestion.</summary>
    private static readonly ImmutableDictionary<string, string> NotRead = ImmutableDictionary.CreateRange(StringComparer.Ordinal, new KeyValuePair<string, string>[]
    {
        new("podman_args", " No podman-compose release reads a podman_args key either (per-service podman arguments are containers/podman-compose#362)."),
        new("podman_run_args", " No podman-compose release reads a podman_run_args key either (per-service podman arguments are containers/podman-compose#362)."),
    });

    private static readonly KeySuggestions Suggestions = new(ComposeServiceKeys.All.Select(k => k.Name));

    public override RuleDescriptor Descriptor => Definition;

    public override void Analyze(RuleContext context)
    {
        var suggested = new Dictionary<string, string?>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var project in context.Model.ComposeProjects)
        {
            foreach (var file in project.Files.Where(f => f.Root is not null && seen.Add(f.Document.Path)))
            {
                foreach (var (mapping, services, isAnchor) in ComposeServiceYaml.Mappings(file.Root!))
                {
                    foreach (var entry in mapping.Entries)
                    {
                        if (ComposeServiceYaml.IsMergeKey(entry) || entry.Key.Resolve() is not YamlScalar key || ComposeServiceKeys.IsKnown(key.Value))
                        {
                            continue;
                        }

                        if (!suggested.TryGetValue(key.Value, out var suggestion))
                        {
                            suggested[key.Value] = suggestion = Suggestions.Suggest(key.Value);
                        }

                        // `network: host` means the host's network, which networks: cannot say.
                        if (suggestion == "networks" && entry.Value.Resolve() is YamlScalar { Value: "host" })
                        {
                            suggestion = "network_mode";
                        }

                        var where = isAnchor ? $"merged into {Names(services)}" : $"in service '{services[0]}'";
                        var hint = NotRead.GetValueOrDefault(key.Value) ?? (suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?");
                        FixOffer Fix() => suggestion is null
                            ? FixOffer.None($"no service key compose knows is close enough to '{key.Value}' to rename it safely")
                            : RenameFix(context, project, file.Tree, mapping, entry, suggestion, services);
                        var keys = YamlNavigation.KeyPath(file.Tree, entry.Key.Span.Start) ?? [key.Value];
                        context.Report(new Location(file.Tree.Text, entry.Key.Span), FindingPath.InFile(file.Document.Path).Then([.. keys]), [key.Value, where, hint], Fix);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Renames the key to <paramref name="suggestion"/> when the result is a file compose accepts: the mapping does not
    /// have that key already, and a network_mode does not meet networks (or the other way round) in a service that gets it;
    /// else why not.
    /// </summary>
    private static FixOffer RenameFix(RuleContext context, ComposeProject project, YamlSyntaxTree tree, YamlMapping mapping, YamlMappingEntry entry, string suggestion, IReadOnlyList<string> services)
    {
        if (context.Get(ComposeLayout.Analysis).Tree(tree.Text) is null)
        {
            return FixOffer.None($"{tree.Text.Path} does not parse cleanly, so it is not edited");
        }

        if (mapping.Find(suggestion) is not null)
        {
            return FixOffer.None($"the mapping has '{suggestion}' already; merge the two by hand");
        }

        if (entry.Key is not YamlScalar { Anchor: null, Tag: null } key)
        {
            return FixOffer.None("the key is anchored or tagged, which this fix does not rewrite");
        }

        var conflicting = suggestion switch
        {
            "network_mode" => "networks",
            "networks" => "network_mode",
            _ => null,
        };
        if (conflicting is not null && project.Services.Any(w => services.Contains(w.Name)
            && (conflicting == "networks" ? w.NetworksKey is not null : w.NetworkMode is not null)))
        {
            return FixOffer.None($"a service that gets it has {conflicting} already, and compose rejects network_mode beside networks");
        }

        // A value the renamed key refuses would trade this finding for HNL1007 (`netwrok_mode: lost`, and
        // `netWork_mode: service:gone` naming no service; both found by fuzzing). A value with a variable is judged
        // after interpolation, which the rename does not change.
        if (suggestion == "network_mode" && entry.Value.Resolve() is YamlScalar { Value: var mode } && !mode.Contains('$', StringComparison.Ordinal))
        {
            var names = project.Services.Select(w => w.Name).ToHashSet(StringComparer.Ordinal);
            if (services.Select(name => NetworkModes.ComposeRefusal(mode.Trim(), name, names.Contains)).FirstOrDefault(r => r is not null) is { } refusal)
            {
                return FixOffer.None($"network_mode: {mode} would be refused too ({refusal}; HNL1007); write the mode you meant");
            }
        }

        var text = key.Style switch
        {
            YamlScalarStyle.Plain => suggestion,
            YamlScalarStyle.SingleQuoted => $"'{suggestion}'",
            YamlScalarStyle.DoubleQuoted => $"\"{suggestion}\"",
            _ => null,
        };
        return text is null
            ? FixOffer.None("the key is a block scalar, which this fix does not rewrite")
            : FixOffer.Of(new CodeFix($"Rename '{key.Value}' to '{suggestion}'", "HNL3002.RenameKey", tree.Text, [new TextEdit(key.Span, text)]));
    }

    private static string Names(IReadOnlyList<string> services) => services.Count switch
    {
        1 => $"'{services[0]}'",
        2 => $"'{services[0]}' and '{services[1]}'",
        _ => $"'{services[0]}' and {services.Count - 1} more",
    };
}
