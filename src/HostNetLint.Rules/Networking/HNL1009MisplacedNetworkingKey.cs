using HostNetLint.Model.Compose;
using HostNetLint.Model.Runtime;
using HostNetLint.Parsing.Text;
using HostNetLint.Parsing.Yaml;
using HostNetLint.Rules.Analysis;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;
using HostNetLint.Rules.Fixing;

namespace HostNetLint.Rules.Networking;

/// <summary>
/// HNL1009: a networking key where compose does not read it: <c>network_mode</c> or <c>ports</c> at the top level of the
/// file, <c>network_mode</c>, <c>networks</c> or <c>ports</c> under a service's <c>deploy:</c>, <c>networks:</c> given as a
/// string, and <c>ports:</c> in an anchored <c>x-</c> block that no service merges.
/// </summary>
public sealed class HNL1009MisplacedNetworkingKey : Rule
{
    /// <summary>Service keys that mean something only directly in a service.</summary>
    private static readonly string[] ServiceOnlyKeys = ["network_mode", "networks", "ports"];

    /// <summary>Of those, the ones a top-level key of the same name does not stand for (top-level networks: declares networks).</summary>
    private static readonly string[] TopLevelMistakes = ["network_mode", "ports"];

    public static readonly RuleDescriptor Definition = RuleDescriptor.Create(
        "HNL1009",
        "Networking key is where compose does not read it",
        "{0}: {1}",
        RuleCategory.Networking,
        Severity.Warning,
        "network_mode and ports belong directly in a service; at the top level of the file or under deploy: no service gets them, and networks: takes a list or a mapping, not a string. Docker Compose refuses such a file; podman-compose ignores the key, so the service silently keeps the project network or publishes nothing. ports: in an anchored x- block that no service merges publishes nothing.",
        noFixReason: "Where the key was meant to go (which service, or network_mode instead of networks) is the author's choice.",
        runtimeFacts: [RuntimeFacts.ComposeRefusesUnknownKeys, RuntimeFacts.PodmanComposeIgnoresUnknownKeys]);

    public override RuleDescriptor Descriptor => Definition;

    public override void Analyze(RuleContext context)
    {
        foreach (var file in ComposeServiceYaml.Files(context.Model))
        {
            var root = file.Root!;
            foreach (var entry in root.Entries)
            {
                if (entry.KeyText is { } key && TopLevelMistakes.Contains(key))
                {
                    Report(context, file, entry, $"'{key}' at the top level of the file applies to no service", "compose refuses it and podman-compose ignores it. Write it in each service that needs it (or in an x- block they merge).");
                }
            }

            var mappings = ComposeServiceYaml.Mappings(root);
            foreach (var (mapping, services, _) in mappings)
            {
                var service = services[0];
                foreach (var entry in mapping.Entries)
                {
                    if (entry.KeyText == "deploy" && entry.Value.Resolve() is YamlMapping deploy)
                    {
                        foreach (var nested in deploy.Entries.Where(e => e.KeyText is { } k && ServiceOnlyKeys.Contains(k)))
                        {
                            Report(context, file, nested, $"'{nested.KeyText}' under deploy: of '{service}' is not read", $"compose refuses it and podman-compose ignores it, so '{service}' does not get it. Move it up, directly under the service.");
                        }
                    }
                    else if (entry.KeyText == "networks" && entry.Value.Resolve() is YamlScalar { IsNull: false } name)
                    {
                        var remedy = name.Value == "host"
                            ? "To use the host's network, write network_mode: host."
                            : $"Write networks: [{name.Value}].";
                        Report(context, file, entry, $"networks: of '{service}' is the string '{name.Value}'", $"compose refuses it (networks: takes a list or a mapping). {remedy}");
                    }
                }
            }

            var reached = mappings.Select(m => m.Mapping).ToHashSet(ReferenceEqualityComparer.Instance);
            foreach (var entry in root.Entries)
            {
                if (entry.KeyText is { } key && key.StartsWith("x-", StringComparison.Ordinal)
                    && entry.Value is YamlMapping { Anchor: { } anchor } block && !reached.Contains(block) && block.Find("ports") is { } ports)
                {
                    Report(context, file, ports, $"ports: in '{key}' reach no service", $"no service merges &{anchor}, so nothing publishes these ports. Merge it into the services that need them (<<: *{anchor}), or remove it.");
                }
            }
        }
    }

    private static void Report(RuleContext context, ComposeFile file, YamlMappingEntry entry, string what, string why)
    {
        var keys = YamlNavigation.KeyPath(file.Tree, entry.Key.Span.Start) ?? [entry.KeyText ?? "?"];
        context.Report(new Location(file.Tree.Text, entry.Key.Span), FindingPath.InFile(file.Document.Path).Then([.. keys]), [what, why]);
    }
}
