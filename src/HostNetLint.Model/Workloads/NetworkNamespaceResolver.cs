using HostNetLint.Model.Compose;

namespace HostNetLint.Model.Workloads;

/// <summary>
/// Answers "which network namespace does this workload run in?" once, for every rule. A workload has its own
/// namespace unless it joins another: compose's <c>network_mode: service:X</c> (X in the same project) and
/// <c>container:NAME</c>, Podman's <c>--network container:NAME</c> (NAME a <c>container_name</c>, <c>--name</c> or
/// <c>ContainerName=</c>), and pod membership (<c>podman run --pod P</c>, a quadlet's <c>Pod=x.pod</c>) whose pod the
/// linted files create. Chains are followed to their end; a cycle, or a target the files do not define, is
/// <see cref="NetworkNamespaceKind.Unknown"/>.
/// </summary>
/// <remarks>
/// Each workload is put on a chain at most once and keeps its answer, so resolving is linear in the number of
/// workloads however long the chains are (no recursion, so a chain of any length cannot overflow the stack).
/// </remarks>
internal static class NetworkNamespaceResolver
{
    private const string ServicePrefix = "service:";
    private const string ContainerPrefix = "container:";
    private const string NamespacePathPrefix = "ns:";

    public static void Resolve(IEnumerable<ComposeProject> projects, IReadOnlyList<Workload> workloads)
    {
        var targets = new Targets(projects, workloads);
        var resolved = new HashSet<Workload>(ReferenceEqualityComparer.Instance);
        var onChain = new HashSet<Workload>(ReferenceEqualityComparer.Instance);
        var chain = new List<(Workload Workload, Join Join)>();
        foreach (var start in workloads)
        {
            if (resolved.Contains(start))
            {
                continue;
            }

            chain.Clear();
            onChain.Clear();

            // Walk the joins until a workload with an answer, one with its own namespace, a missing target or a cycle.
            NetworkNamespace? end = null;
            for (var current = start; ;)
            {
                if (resolved.Contains(current))
                {
                    end = current.Namespace;
                    break;
                }

                if (!onChain.Add(current))
                {
                    end = new NetworkNamespace { Kind = NetworkNamespaceKind.Unknown, UnknownReason = "the network namespaces it joins refer to each other in a cycle" };
                    break;
                }

                var join = JoinOf(current, targets);
                if (join is null)
                {
                    current.Namespace = Own(current);
                    resolved.Add(current);
                    end = current.Namespace;
                    break;
                }

                chain.Add((current, join));
                if (join.Target is null)
                {
                    break;
                }

                current = join.Target;
            }

            // Back along the chain: each workload shares the namespace of the one it joins.
            for (var i = chain.Count - 1; i >= 0; i--)
            {
                var (workload, join) = chain[i];
                workload.Namespace = join.Target is null || end is null
                    ? new NetworkNamespace { Kind = NetworkNamespaceKind.Unknown, JoinedBy = join.Reference, UnknownReason = join.Failure }
                    : new NetworkNamespace { Kind = end.Kind, Owner = end.Owner, JoinedBy = join.Reference, JoinedTo = join.Target, UnknownReason = end.UnknownReason };
                resolved.Add(workload);
                end = workload.Namespace;
            }
        }
    }

    /// <summary>The namespace from the workload's own settings alone, for a workload the model has not resolved.</summary>
    public static NetworkNamespace OwnOrUnknown(Workload workload) =>
        JoinOf(workload, targets: null) is { } join
            ? new NetworkNamespace { Kind = NetworkNamespaceKind.Unknown, JoinedBy = join.Reference, UnknownReason = "it joins another namespace, which was not resolved" }
            : Own(workload);

    private static NetworkNamespace Own(Workload workload) => new()
    {
        Kind = workload.HostNetworkSetting is null ? NetworkNamespaceKind.NotHost : NetworkNamespaceKind.Host,
        Owner = workload,
    };

    /// <summary>How <paramref name="workload"/> joins another namespace, or null when it has its own.</summary>
    private static Join? JoinOf(Workload workload, Targets? targets)
    {
        if (workload.NetworkMode is { } mode)
        {
            var text = mode.Text.Trim();
            if (workload.Kind == WorkloadKind.ComposeService && text.StartsWith(ServicePrefix, StringComparison.Ordinal))
            {
                var name = text[ServicePrefix.Length..];
                var service = targets?.Service(workload, name);
                return new Join(mode, service, service is null ? $"its project defines no service '{name}'" : null);
            }

            if (text.StartsWith(ContainerPrefix, StringComparison.Ordinal))
            {
                var name = text[ContainerPrefix.Length..];
                var (container, failure) = targets?.Container(workload, name) ?? (null, "no container was resolved");
                return new Join(mode, container, failure);
            }

            // A namespace path (ns:/proc/1/ns/net may be the host's): the files cannot tell.
            return text.StartsWith(NamespacePathPrefix, StringComparison.Ordinal)
                ? new Join(mode, null, $"it joins the namespace at '{text[NamespacePathPrefix.Length..]}'")
                : null;
        }

        // A container with networks of its own does not take the pod's (Podman refuses the combination).
        return workload.Networks.IsEmpty && workload.Pod is { } membership
            ? new Join(membership.Reference, membership.Pod, membership.Pod is null ? $"the pod '{membership.Reference.Text}' is not created by the linted files" : null)
            : null;
    }

    private sealed record Join(ModelValue Reference, Workload? Target, string? Failure);

    /// <summary>
    /// What <c>service:</c> and <c>container:</c> may name: services by project, containers by name. A variant's run
    /// repeats its base's containers as alternatives, not as more containers of the same name: its containers are
    /// found from inside that run only.
    /// </summary>
    private sealed class Targets
    {
        private readonly Dictionary<Workload, Dictionary<string, Workload>> projectServices = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<Workload, Dictionary<string, Workload>> projectContainers = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<string, (Workload First, int Count)> containers = new(StringComparer.Ordinal);
        private readonly Dictionary<(string Name, string Group), (Workload First, int Count)> containersByGroup = [];

        public Targets(IEnumerable<ComposeProject> projects, IReadOnlyList<Workload> workloads)
        {
            var alternatives = new HashSet<Workload>(ReferenceEqualityComparer.Instance);
            foreach (var project in projects)
            {
                var byName = new Dictionary<string, Workload>(StringComparer.Ordinal);
                var byContainer = new Dictionary<string, Workload>(StringComparer.Ordinal);
                foreach (var service in project.Services)
                {
                    byName.TryAdd(service.Name, service);
                    projectServices.TryAdd(service, byName);
                    if (project.VariantOf is not null)
                    {
                        alternatives.Add(service);
                        if (service.ContainerName is { } containerName)
                        {
                            byContainer.TryAdd(containerName, service);
                        }

                        projectContainers.TryAdd(service, byContainer);
                    }
                }
            }

            foreach (var workload in workloads.Where(w => !alternatives.Contains(w)))
            {
                if (workload.ContainerName is { } name)
                {
                    Count(containers, name, workload);
                    Count(containersByGroup, (name, workload.GroupName), workload);
                }
            }
        }

        public Workload? Service(Workload from, string name) => projectServices.GetValueOrDefault(from)?.GetValueOrDefault(name);

        /// <summary>
        /// The one workload called <paramref name="name"/>; with several (copies of a stack side by side), the one
        /// in the same project or unit file, else none: a wrong guess would be worse than no answer.
        /// </summary>
        public (Workload? Container, string? Failure) Container(Workload from, string name)
        {
            if (projectContainers.GetValueOrDefault(from)?.GetValueOrDefault(name) is { } inVariantRun)
            {
                return (inVariantRun, null);
            }

            if (!containers.TryGetValue(name, out var named))
            {
                return (null, $"no container named '{name}' is defined in the linted files");
            }

            if (named.Count == 1)
            {
                return (named.First, null);
            }

            return containersByGroup.TryGetValue((name, from.GroupName), out var near) && near.Count == 1
                ? (near.First, null)
                : (null, $"several containers in the linted files are named '{name}'");
        }

        private static void Count<TKey>(Dictionary<TKey, (Workload First, int Count)> counts, TKey key, Workload workload)
            where TKey : notnull =>
            counts[key] = counts.TryGetValue(key, out var seen) ? (seen.First, seen.Count + 1) : (workload, 1);
    }
}
