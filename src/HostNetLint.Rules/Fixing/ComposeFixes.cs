using HostNetLint.Model;
using HostNetLint.Model.Workloads;
using HostNetLint.Parsing.Text;
using HostNetLint.Parsing.Yaml;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Rules.Fixing;

/// <summary>
/// Finds where in the compose YAML a fix for a workload belongs: its own service mapping, or an extension
/// anchor (<c>x-airflow-common</c>) when every service merging that anchor needs the same change, because
/// an edit to shared text changes every service that merges it.
/// </summary>
public static class ComposeFixes
{
    /// <summary>The complete, analysable YAML tree of <paramref name="text"/>, or null (such a file is never fixed).</summary>
    public static YamlSyntaxTree? TreeOf(DeploymentModel model, SourceText text)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.DocumentOf(text) is { IsAnalyzable: true, Yaml: { IsComplete: true } tree } ? tree : null;
    }

    /// <summary>The mapping a compose service's key introduces, or null (for other workloads or a non-mapping value).</summary>
    public static YamlMapping? ServiceMapping(DeploymentModel model, Workload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return workload.Kind == WorkloadKind.ComposeService ? ServiceMappingAt(model, workload.Location) : null;
    }

    /// <summary>The mapping the service key at <paramref name="key"/> introduces (one of a service's <see cref="Workload.Declarations"/>), or null.</summary>
    public static YamlMapping? ServiceMappingAt(DeploymentModel model, Location key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return TreeOf(model, key.Source) is { } tree
            && YamlNavigation.FindEntryByKey(tree, key.Span.Start) is { } found
            && found.Entry.Value is YamlMapping mapping
            ? mapping
            : null;
    }

    /// <summary>
    /// The workloads whose service mapping merges <paramref name="anchored"/>, the value of an extension entry in
    /// <paramref name="source"/>. An alias reaches only its own file, so only that file's services are read.
    /// </summary>
    public static IReadOnlyList<Workload> Merging(DeploymentModel model, SourceText source, YamlNode anchored)
    {
        ArgumentNullException.ThrowIfNull(model);
        return [.. model.WorkloadsIn(source).Where(w => ServiceMapping(model, w) is { } mapping && YamlNavigation.Merges(mapping, anchored))];
    }

    /// <summary>
    /// The mapping where a change to <paramref name="workload"/> may be written when the key at
    /// <paramref name="key"/> lives there: the service's own mapping, or an extension anchor all of whose
    /// merging services satisfy <paramref name="needsSameFix"/>. Null when the edit would change other services.
    /// </summary>
    public static YamlEntryRef? FindOwnedEntry(DeploymentModel model, Workload workload, Location key, Func<Workload, bool> needsSameFix)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(needsSameFix);
        if (TreeOf(model, key.Source) is not { } tree || YamlNavigation.FindEntryByKey(tree, key.Span.Start) is not { } found)
        {
            return null;
        }

        if (ReferenceEquals(found.Mapping, ServiceMapping(model, workload)))
        {
            return found;
        }

        return YamlNavigation.FindExtensionContaining(tree, key.Span) is { } extension
            && ReferenceEquals(extension.Value.Resolve(), found.Mapping)
            && Merging(model, key.Source, found.Mapping) is { Count: > 0 } merging
            && merging.All(needsSameFix)
            ? found
            : null;
    }

    /// <summary>A fix that removes the entry whose key is at <paramref name="key"/>, when that is safe (see <see cref="FindOwnedEntry"/>).</summary>
    public static CodeFix? RemoveEntryFix(DeploymentModel model, Workload workload, Location key, Func<Workload, bool> needsSameFix, string title, string equivalenceKey)
    {
        ArgumentNullException.ThrowIfNull(key);
        return FindOwnedEntry(model, workload, key, needsSameFix) is { } found
            && YamlEdits.RemoveEntry(key.Source, found.Mapping, found.Index) is { } edit
            ? new CodeFix(title, equivalenceKey, key.Source, [edit])
            : null;
    }
}
