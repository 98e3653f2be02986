using System.Collections.Immutable;
using HostNetLint.Model.Workloads;
using HostNetLint.Parsing.Yaml;

namespace HostNetLint.Model.Compose;

/// <summary>
/// A compose project: the files compose would load together (base, override, includes), in load order,
/// and the effective services after merging.
/// </summary>
public sealed class ComposeProject
{
    public required string Name { get; init; }

    /// <summary>The directory the project lives in (relative paths resolve from here).</summary>
    public required string Directory { get; init; }

    public required ImmutableArray<ComposeFile> Files { get; init; }

    public ImmutableArray<Workload> Services { get; init; } = [];

    /// <summary>Names of top-level <c>networks:</c> entries that are external networks called <c>host</c>.</summary>
    public ImmutableArray<string> HostNetworks { get; init; } = [];

    /// <summary>
    /// The units' Exec lines that run compose on this project (podman-compose, docker compose, docker-compose), in the
    /// order the units were read; empty when no linted unit does, so which tool starts it is unknown. Quadlets do not
    /// run compose files. Set while units are linked, after the project is loaded.
    /// </summary>
    public ImmutableArray<ComposeStarter> Starters { get; internal set; } = [];

    /// <summary>
    /// For a variant's run (<c>-f docker-compose.yml -f docker-compose.prod.yml</c>), the base's own run. The two are
    /// alternatives (one or the other runs, never both), as are two variants of one base; null for any other run.
    /// </summary>
    public ComposeProject? VariantOf { get; init; }
}

/// <summary>One file of a compose project and its syntax tree.</summary>
public sealed record ComposeFile(SourceDocument Document, YamlSyntaxTree Tree)
{
    public YamlMapping? Root => Tree.Root as YamlMapping;
}
