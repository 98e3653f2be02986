using System.Globalization;
using HostNetLint.Model.Workloads;

namespace HostNetLint.Rules.Diagnostics;

/// <summary>
/// What a finding is about, for its line-independent fingerprint and for baselines: the workload or file,
/// then keys and values (<c>airflow/airflow-webserver/ports</c>, <c>airflow.service/Unit/After/libvirt</c>).
/// It never holds a line, a column or the finding's message, so an alert keeps its identity when lines
/// above it move; findings that share a path are told apart by their order in the file.
/// </summary>
public sealed record FindingPath
{
    private FindingPath(string value) => Value = value;

    /// <summary>The segments joined by <c>/</c>; what <c>Sarif.Fingerprints</c> hashes.</summary>
    public string Value { get; }

    /// <summary>A finding about a workload: its group (compose project or unit) and name.</summary>
    public static FindingPath Of(Workload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return new($"{workload.GroupName}/{workload.Name}");
    }

    /// <summary>A finding about one value several workloads of <paramref name="groupName"/> share.</summary>
    public static FindingPath Of(string groupName, IEnumerable<Workload> workloads) =>
        new($"{groupName}/{string.Join('+', workloads.Select(w => w.Name))}");

    /// <summary>A finding about a file or one of its keys: the root-relative path of the file.</summary>
    public static FindingPath InFile(string path) => new(path);

    /// <summary>
    /// A problem that a lower layer (parser, model, configuration loader) describes only in words. Its
    /// text must name the problem without a position; a problem that has a place in the tree is better
    /// named by that place (as HNL0002 names the duplicated key).
    /// </summary>
    public static FindingPath OfProblem(string path, RuleDescriptor descriptor, string problem)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return InFile(path).Then(descriptor.Id, problem);
    }

    /// <summary>This path followed by keys or values, such as <c>ports</c> or <c>network_mode</c>.</summary>
    public FindingPath Then(params string[] segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        return new(string.Join('/', [Value, .. segments]));
    }

    /// <summary>This path followed by a name and a number, such as <c>port/8080</c>.</summary>
    public FindingPath Then(string name, int number) => Then(name, number.ToString(CultureInfo.InvariantCulture));

    public override string ToString() => Value;
}
