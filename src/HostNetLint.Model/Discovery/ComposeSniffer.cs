using System.Collections.Immutable;
using HostNetLint.Parsing.Yaml;

namespace HostNetLint.Model.Discovery;

/// <summary>
/// What the top of a YAML file says about it being compose: a top-level <c>services:</c> mapping, which services
/// name an image or a build (directly or through a merge key), and which cannot run without another file.
/// </summary>
/// <param name="Services">The names under <c>services:</c>, in order; empty when there is no such mapping.</param>
/// <param name="Deciding">The first service with <c>image:</c> or <c>build:</c> and the key, e.g. <c>service 'web' has image:</c>; null when none has.</param>
/// <param name="Incomplete">Services with neither <c>image:</c>, <c>build:</c> nor <c>extends:</c>: compose runs them only over a file that gives them one.</param>
/// <param name="Rejection">Why the file is not compose by its content (null when it is).</param>
internal sealed record ComposeShape(ImmutableArray<string> Services, string? Deciding, ImmutableArray<string> Incomplete, string? Rejection)
{
    /// <summary>Compose by content: a top-level <c>services:</c> mapping with at least one image or build.</summary>
    public bool IsCompose => Rejection is null;

    /// <summary>Every service can run from this file alone (vacuously so for a file without services).</summary>
    public bool CanStandAlone => Incomplete.IsEmpty;
}

/// <summary>
/// Decides cheaply whether a YAML file is compose: Ansible vars, CI files and other YAML often have a
/// <c>services:</c> key, but only compose gives its services an <c>image:</c> or a <c>build:</c>.
/// </summary>
internal static class ComposeSniffer
{
    /// <summary>
    /// Files larger than this are not sniffed (nor opened): a compose file is a few kilobytes, and a YAML file of a
    /// megabyte without a compose name is data.
    /// </summary>
    public const long MaxSniffedLength = 1024 * 1024;

    /// <summary>Merge keys followed at most this deep (an anchor merging an anchor ...).</summary>
    private const int MaxMergeDepth = 8;

    /// <summary>The cheap test before parsing: no compose file lacks the word.</summary>
    public static bool MayBeCompose(string text) => text.Contains("services", StringComparison.Ordinal);

    public static ComposeShape Read(SourceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Yaml is not { } tree)
        {
            return Rejected(document.IsAnalyzable ? "no top-level services: key" : "not readable as text");
        }

        if (!document.IsAnalyzable)
        {
            var problem = document.Problems.IsEmpty ? "it could not be parsed" : document.Problems[0].Message.TrimEnd('.');
            return Rejected($"not valid YAML ({problem})");
        }

        if (tree.Root?.Resolve() is not YamlMapping root || root.Find("services") is not { } servicesEntry)
        {
            return Rejected("no top-level services: key");
        }

        if (servicesEntry.Value.Resolve() is not YamlMapping services)
        {
            return Rejected("its top-level services: is not a mapping");
        }

        var names = ImmutableArray.CreateBuilder<string>();
        var incomplete = ImmutableArray.CreateBuilder<string>();
        string? deciding = null;
        foreach (var entry in services.Entries)
        {
            if (entry.KeyText is not { } name || name == "<<")
            {
                continue;
            }

            names.Add(name);
            var service = entry.Value.Resolve() as YamlMapping;
            var key = FirstKey(service, ["image", "build"], 0);
            deciding ??= key is null ? null : $"service '{name}' has {key}:";
            if (key is null && FirstKey(service, ["extends"], 0) is null)
            {
                incomplete.Add(name);
            }
        }

        return new ComposeShape(
            names.ToImmutable(),
            deciding,
            incomplete.ToImmutable(),
            deciding is null ? "YAML with services:, but no service has image: or build:" : null);
    }

    private static ComposeShape Rejected(string reason) => new([], null, [], reason);

    /// <summary>The first of <paramref name="keys"/> the mapping has, itself or through its merge keys.</summary>
    private static string? FirstKey(YamlMapping? mapping, string[] keys, int depth)
    {
        if (mapping is null || depth > MaxMergeDepth)
        {
            return null;
        }

        foreach (var key in keys)
        {
            if (mapping.Find(key) is not null)
            {
                return key;
            }
        }

        if (mapping["<<"]?.Resolve() is not { } merged)
        {
            return null;
        }

        var sources = merged is YamlSequence sequence ? sequence.Items : [merged];
        foreach (var source in sources)
        {
            if (FirstKey(source.Resolve() as YamlMapping, keys, depth + 1) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
