using HostNetLint.Parsing.Text;

namespace HostNetLint.Model.Workloads;

/// <summary>
/// One value of the effective model with where it came from.
/// <see cref="Location"/> is where the text is written (possibly inside an anchor such as
/// <c>x-airflow-common</c> or another file); <see cref="Site"/> is where it enters the workload
/// (the <c>&lt;&lt;: *anchor</c> line, the <c>extends:</c> key), or the same as Location when written in place.
/// </summary>
public sealed record ModelValue(string Text, string Raw, Location Location, Location Site)
{
    /// <summary>True when the value was written somewhere else and reached the workload through a merge, extends or include.</summary>
    public bool IsInherited => Location != Site;

    public override string ToString() => Text;
}
