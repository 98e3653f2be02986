using System.Collections.Immutable;
using HostNetLint.Model.EnvFiles;
using HostNetLint.Model.Units;
using HostNetLint.Model.Workloads;

namespace HostNetLint.Model;

/// <summary>
/// The names by which a model's workloads can meet workloads of another model of the same root: names it defines
/// (containers, pods, compose project names) and names it refers to (<c>container:</c>, <c>Pod=</c>, <c>podman start</c>,
/// <c>service:</c> within a project name), each prefixed with its kind. Missing files are both: two models that report
/// the same missing file report it once in one model. Two models whose defined and referred names do not meet
/// resolve every reference as one model of both would (<see cref="SeparateDeployments"/>).
/// </summary>
internal sealed record DeploymentLinks(ImmutableArray<string> Defined, ImmutableArray<string> Referenced)
{
    private const string Container = "container:";
    private const string Pod = "pod:";
    private const string Project = "project:";
    private const string MissingFile = "missing:";

    public static DeploymentLinks None { get; } = new([], []);

    public static DeploymentLinks Of(IEnumerable<Workload> workloads, UnitModelBuilder units, MissingEnvFiles missingFiles)
    {
        var defined = new HashSet<string>(StringComparer.Ordinal);
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var workload in workloads)
        {
            defined.Add(Project + workload.GroupName);
            if (workload.ContainerName is { } containerName)
            {
                defined.Add(Container + containerName);
            }

            if (workload.Pod is { } pod)
            {
                referenced.Add(Pod + pod.Reference.Text);
            }

            var mode = workload.NetworkMode?.Text.Trim() ?? string.Empty;
            if (mode.StartsWith(Container, StringComparison.Ordinal))
            {
                referenced.Add(mode);
            }
            else if (mode.StartsWith("service:", StringComparison.Ordinal))
            {
                // HNL1007 looks a service: target up among the workloads of every project of that name.
                referenced.Add(Project + workload.GroupName);
            }
        }

        foreach (var name in units.PodNames)
        {
            defined.Add(Pod + name);
        }

        // Which of the two a start line names is known only once both are; refer to both.
        foreach (var name in units.StartedNames)
        {
            referenced.Add(Container + name);
            referenced.Add(Pod + name);
        }

        foreach (var file in missingFiles.Files)
        {
            defined.Add(MissingFile + file);
            referenced.Add(MissingFile + file);
        }

        return new DeploymentLinks([.. defined], [.. referenced]);
    }
}
