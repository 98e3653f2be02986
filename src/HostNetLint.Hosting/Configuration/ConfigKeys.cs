using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Hosting.Configuration;

/// <summary>One setting of hostnetlint.yaml: its JSON pointer (a leaf of the schema's <c>properties</c>) and how it sets the configuration.</summary>
internal sealed record ConfigKey(string Pointer, Func<ConfigValue, HostNetLintConfig, HostNetLintConfig> Apply);

/// <summary>
/// Every key of hostnetlint.yaml, written once here and once in <c>hostnetlint.schema.json</c> (a test keeps the two
/// in step). The schema says what is well-formed; a binding reads the accepted value into the options and checks
/// only what a schema cannot say (a CIDR that parses, a rule ID that exists).
/// </summary>
internal static class ConfigKeys
{
    public static ImmutableArray<ConfigKey> All { get; } =
    [
        new("/reservedPorts", ReservedPorts),
        new("/vmAccess/names", (v, c) => c with { Lint = c.Lint with { VmAccess = c.Lint.VmAccess with { Names = v.Strings() } } }),
        new("/vmAccess/images", (v, c) => c with { Lint = c.Lint with { VmAccess = c.Lint.VmAccess with { Images = v.Strings() } } }),
        new("/vmAccess/labels", (v, c) => c with { Lint = c.Lint with { VmAccess = c.Lint.VmAccess with { Labels = v.Strings() } } }),
        new("/vmAccess/exclude", (v, c) => c with { Lint = c.Lint with { VmAccess = c.Lint.VmAccess with { Exclude = v.Strings() } } }),
        new("/vmNetworks", (v, c) => c with { Lint = c.Lint with { VmNetworks = v.Strings(CheckCidr) } }),
        new("/libvirtUnits", (v, c) => c with { Lint = c.Lint with { LibvirtUnits = v.Strings() } }),
        new("/pathMappings", PathMappings),
        new("/hosts", Hosts),
        new("/projects", Projects),
        new("/exclude", (v, c) => c with { Model = c.Model with { Exclude = v.Strings() } }),
        new("/failLevel", (v, c) => c with { FailLevel = SeverityNames.TryParse(v.Text, out var level) ? level : null }),
        new("/severity", Severities),
        new("/requireJustification", (v, c) => c with { Lint = c.Lint with { RequireJustification = v.Boolean } }),
        new("/targets/podman-compose", (v, c) => c with { Lint = c.Lint with { Targets = c.Lint.Targets with { PodmanCompose = Release(v) } } }),
        new("/targets/podman", (v, c) => c with { Lint = c.Lint with { Targets = c.Lint.Targets with { Podman = Release(v) } } }),
        new("/targets/compose", (v, c) => c with { Lint = c.Lint with { Targets = c.Lint.Targets with { Compose = Release(v) } } }),
        new("/targets/systemd", (v, c) => c with { Lint = c.Lint with { Targets = c.Lint.Targets with { Systemd = Release(v) } } }),
    ];

    /// <summary>A release as written (<c>podman: 4.10</c> is 4.10, not the number 4.1); a number that is not one (<c>1e3</c>, <c>-1</c>) is reported.</summary>
    private static Version? Release(ConfigValue value)
    {
        var written = value.Written;
        var release = RuntimeTargets.ParseVersion(written);
        if (release is null)
        {
            value.Problem($"'{written}' is not a release such as 1.0.3 (numbers and dots)");
        }

        return release;
    }

    /// <summary>Port -> owner globs, merged over the defaults port by port; null or [] removes a default.</summary>
    private static HostNetLintConfig ReservedPorts(ConfigValue value, HostNetLintConfig config)
    {
        var configured = value.Entries.ToDictionary(
            e => int.Parse(e.Key, NumberStyles.None, CultureInfo.InvariantCulture),
            e => e.Value.IsNull ? [] : e.Value.Strings());
        var merged = config.Lint.ReservedPorts.Where(p => !configured.ContainsKey(p.Port)).ToList();
        merged.AddRange(configured
            .Where(p => !p.Value.IsEmpty)
            .Select(p => new ReservedPort(p.Key, p.Value, $"the workload matching {string.Join(" or ", p.Value)} (hostnetlint.yaml)")));
        return config with { Lint = config.Lint with { ReservedPorts = [.. merged.OrderBy(p => p.Port)] } };
    }

    /// <summary>Install path -> repository path; written relative to the configuration file, the model wants them relative to the root.</summary>
    private static HostNetLintConfig PathMappings(ConfigValue value, HostNetLintConfig config) =>
        config with
        {
            Model = config.Model with
            {
                PathMappings = value.Entries.ToImmutableDictionary(
                    e => e.Key.TrimEnd('/'),
                    e => e.Value.Reader.ToRootRelative(e.Value.Text.TrimEnd('/')),
                    StringComparer.Ordinal),
            },
        };

    /// <summary>Host name -> globs of the project paths that share it; written relative to the configuration file, kept relative to the root.</summary>
    private static HostNetLintConfig Hosts(ConfigValue value, HostNetLintConfig config) =>
        config with
        {
            Lint = config.Lint with
            {
                Hosts = value.Entries.ToImmutableDictionary(
                    e => e.Key,
                    e => e.Value.Strings().Select(e.Value.Reader.RebaseGlob).OfType<string>().ToImmutableArray(),
                    StringComparer.Ordinal),
            },
        };

    /// <summary>Declared stacks (name -> files, env files, profiles); paths written relative to the configuration file, kept relative to the root.</summary>
    private static HostNetLintConfig Projects(ConfigValue value, HostNetLintConfig config) =>
        config with
        {
            Model = config.Model with
            {
                Projects =
                [
                    .. value.Entries.Select(e => new Model.DeclaredProject(e.Key, Paths(e.Value, "files"))
                    {
                        EnvFiles = Paths(e.Value, "envFiles"),
                        Profiles = e.Value.Property("profiles")?.Strings() ?? [],
                    }),
                ],
            },
        };

    private static ImmutableArray<string> Paths(ConfigValue stack, string name) =>
        [.. (stack.Property(name)?.Strings() ?? []).Select(stack.Reader.ToRootRelative)];

    /// <summary>Rule ID -> severity; the schema checks the shape of an ID, the catalogue whether the rule exists.</summary>
    private static HostNetLintConfig Severities(ConfigValue value, HostNetLintConfig config)
    {
        var severities = config.Lint.SeverityOverrides.ToBuilder();
        foreach (var (key, level) in value.Entries)
        {
            var id = key.ToUpperInvariant();
            if (RuleCatalog.Find(id) is not { } descriptor)
            {
                level.KeyProblem($"'{key}' is not a HostNetLint rule ID");
            }
            else if (SeverityLevels.TryParse(level.Text, descriptor, out var severity))
            {
                severities[id] = severity;
            }
        }

        return config with { Lint = config.Lint with { SeverityOverrides = severities.ToImmutable() } };
    }

    private static string? CheckCidr(string value) =>
        IPNetwork.TryParse(value, out _) ? null : $"'{value}' is not a network in CIDR notation (e.g. 192.168.122.0/24)";
}
