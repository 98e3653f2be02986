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
    /// <summary>The value as the runtime sees it (interpolated); one instance per short text (<see cref="SharedStrings"/>).</summary>
    public string Text { get; init; } = SharedStrings.Share(Text);

    /// <summary>The value as written; one instance per short text.</summary>
    public string Raw { get; init; } = SharedStrings.Share(Raw);

    /// <summary>True when the value was written somewhere else and reached the workload through a merge, extends, include or env file.</summary>
    public bool IsInherited => Location != Site;

    /// <summary>What kind of file the value is written in; <see cref="ValueOrigin.EnvFile"/> values have the reference as their <see cref="Site"/>.</summary>
    public ValueOrigin Origin { get; init; }

    public override string ToString() => Text;
}

/// <summary>Where a value of the model is written.</summary>
public enum ValueOrigin
{
    /// <summary>In the compose file, unit or quadlet that declares the workload (or one it merges, extends or includes).</summary>
    Declaration,

    /// <summary>
    /// In an env file the workload reads (<c>env_file:</c>, <c>--env-file</c>, <c>EnvironmentFile=</c>): the
    /// <see cref="ModelValue.Location"/> is the assignment's line in that file.
    /// </summary>
    EnvFile,
}
