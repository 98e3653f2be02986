using HostNetLint.Model;
using HostNetLint.Model.Workloads;
using HostNetLint.Parsing.Text;
using HostNetLint.Parsing.Yaml;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Rules.Fixing;

/// <summary>
/// Where compose services are written, for fixes: the syntax tree of each file that may be edited, each service's own
/// mapping, and the services that merge each mapping through <c>&lt;&lt;</c>. Computed once per lint run, so a fix per
/// finding never walks every workload (a shared anchor's fix must know every service merging it).
/// </summary>
public sealed class ComposeLayout
{
    private readonly Dictionary<SourceText, YamlSyntaxTree?> trees = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Workload, YamlMapping> services = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<YamlNode, List<Workload>> mergers = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Workload, Workload?> extended = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Workload, Workload> extenders = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<YamlMapping, List<Workload>> writers = new(ReferenceEqualityComparer.Instance);

    private ComposeLayout(DeploymentModel model)
    {
        foreach (var document in model.Documents)
        {
            // Only a complete, analysable tree is ever edited; the others map to null.
            trees.TryAdd(document.Text, document.IsAnalyzable && document.Yaml is { IsComplete: true } tree ? tree : null);
        }

        foreach (var workload in model.Workloads)
        {
            if (workload.Kind != WorkloadKind.ComposeService
                || Tree(workload.Location.Source) is not { } tree
                || YamlNavigation.FindEntryByKey(tree, workload.Location.Span.Start) is not { Entry.Value: YamlMapping mapping })
            {
                continue;
            }

            services[workload] = mapping;
            if (!writers.TryGetValue(mapping, out var runs))
            {
                writers.Add(mapping, runs = []);
            }

            runs.Add(workload);
            foreach (var source in YamlNavigation.MergeSources(mapping))
            {
                if (!mergers.TryGetValue(source, out var list))
                {
                    mergers.Add(source, list = []);
                }

                if (!list.Contains(workload))
                {
                    list.Add(workload);
                }
            }
        }

        // extends: the base named in the same run (null when it lives in another file), and one service extending each
        // base. By run, not by project name: a variant's run has services of the same names as its base's run.
        foreach (var project in model.ComposeProjects)
        {
            var byName = new Dictionary<string, Workload>(StringComparer.Ordinal);
            foreach (var workload in project.Services)
            {
                byName.TryAdd(workload.Name, workload);
            }

            foreach (var workload in project.Services)
            {
                if (services.GetValueOrDefault(workload)?["extends"] is not { } reference)
                {
                    continue;
                }

                var name = reference switch
                {
                    YamlScalar scalar => scalar.Value,
                    YamlMapping form when form["file"] is null => (form["service"] as YamlScalar)?.Value,
                    _ => null,
                };
                var target = name is null ? null : byName.GetValueOrDefault(name);
                extended[workload] = target;
                if (target is not null)
                {
                    extenders.TryAdd(target, workload);
                }
            }
        }
    }

    /// <summary>The layout of this lint run's model, computed by the first rule that asks.</summary>
    public static SharedAnalysis<ComposeLayout> Analysis { get; } = new((model, _) => new ComposeLayout(model));

    /// <summary>The complete, analysable YAML tree of <paramref name="text"/>, or null (such a file is never fixed).</summary>
    public YamlSyntaxTree? Tree(SourceText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return trees.GetValueOrDefault(text);
    }

    /// <summary>The mapping a compose service's key introduces, or null (other workloads, a non-mapping value, a file never fixed).</summary>
    public YamlMapping? Service(Workload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return services.GetValueOrDefault(workload);
    }

    /// <summary>True when the service's own mapping merges <paramref name="mapping"/> through <c>&lt;&lt;</c> (cost: its merge entries, not every service).</summary>
    public bool Merges(Workload workload, YamlNode mapping) =>
        Service(workload) is { } service && YamlNavigation.Merges(service, mapping);

    /// <summary>
    /// The services of other runs written by the same mapping as <paramref name="workload"/> (a base file's service in
    /// the base's own run and in each variant's run): an edit of that mapping changes them all.
    /// </summary>
    public IEnumerable<Workload> OtherRunsOf(Workload workload) =>
        Service(workload) is { } mapping && writers.TryGetValue(mapping, out var runs) ? runs.Where(w => w != workload) : [];

    /// <summary>
    /// True when the service's mapping has <c>extends</c>; <paramref name="baseService"/> is the service it names in the
    /// same project, or null when that lives in another file or is unknown.
    /// </summary>
    public bool Extends(Workload workload, out Workload? baseService) => extended.TryGetValue(workload, out baseService);

    /// <summary>A service whose <c>extends</c> names <paramref name="workload"/> (a change to it changes that one too), or null.</summary>
    public Workload? ExtendedBy(Workload workload) => extenders.GetValueOrDefault(workload);

    /// <summary>True when the service extends another or is extended: a change to its text may reach services that merge nothing.</summary>
    public bool IsInExtends(Workload workload) => extended.ContainsKey(workload) || extenders.ContainsKey(workload);

    /// <summary>The services whose own mapping merges <paramref name="mapping"/> (<c>&lt;&lt;: *a</c> or <c>&lt;&lt;: [*a, *b]</c>), in model order.</summary>
    public IReadOnlyList<Workload> Mergers(YamlNode mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        return mergers.TryGetValue(mapping, out var list) ? list : [];
    }
}
