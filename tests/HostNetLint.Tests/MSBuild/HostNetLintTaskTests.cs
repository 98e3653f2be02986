using System.Collections;
using HostNetLint.MSBuild;
using HostNetLint.Tests.TestSupport;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace HostNetLint.Tests.MSBuild;

/// <summary>The MSBuild task in-process against a recording build engine: the same lint run as the CLI, logged for the build.</summary>
[TestFixture]
public sealed class HostNetLintTaskTests
{
    [Test]
    public void HostNetLintFile_items_name_the_files_reported_and_fixed()
    {
        using var repo = Sample();
        var compose = Path.Combine(repo.Path, "airflow", "docker-compose.yaml");
        var before = File.ReadAllBytes(compose);
        var engine = new RecordingBuildEngine();
        var task = new HostNetLintTask
        {
            BuildEngine = engine,
            Root = repo.Path,
            Files = [new TaskItem(Path.Combine(repo.Path, "airflow", "airflow.service"))],
        };

        Assert.That(task.Execute(), Is.False);
        Assert.Multiple(() =>
        {
            Assert.That(engine.Errors.Select(e => (e.Code, e.File, e.LineNumber, e.ColumnNumber)), Is.EqualTo(new[] { ("HNL2001", Path.Combine(repo.Path, "airflow", "airflow.service"), 4, 1) }));
            Assert.That(engine.Warnings.Select(w => (w.Code, w.LineNumber, w.ColumnNumber)), Is.EqualTo(new[] { ("HNL2003", 4, 7) }));
            Assert.That(engine.Messages, Does.Contain($"HostNetLint: 2 finding(s) in 1 file(s) under {repo.Path}"));
        });

        task.Fix = true;
        task.Execute();
        Assert.Multiple(() =>
        {
            Assert.That(engine.Messages, Does.Contain("HostNetLint fixed airflow/airflow.service: 3 edit(s) (HNL2001, HNL2003)"));
            Assert.That(File.ReadAllBytes(compose), Is.EqualTo(before), "the compose file was not named");
        });
    }

    [Test]
    public void With_the_default_file_list_every_file_read_is_reported()
    {
        using var repo = Sample();
        var engine = new RecordingBuildEngine();
        var task = new HostNetLintTask
        {
            BuildEngine = engine,
            Root = repo.Path,
            Files = [new TaskItem(Path.Combine(repo.Path, "airflow", "airflow.service"))],
            ReportAll = true,
        };

        Assert.That(task.Execute(), Is.False);
        Assert.That(engine.Errors.Select(e => (e.Code, Path.GetFileName(e.File), e.LineNumber)), Is.EqualTo(new[]
        {
            ("HNL2001", "airflow.service", 4),
            ("HNL1001", "docker-compose.yaml", 25),
            ("HNL1001", "docker-compose.yaml", 31),
            ("HNL1001", "docker-compose.yaml", 35),
        }));
    }

    [Test]
    public void An_invalid_configuration_is_logged_at_its_position_and_nothing_is_linted()
    {
        using var repo = Sample();
        repo.Write("hostnetlint.yaml", "failLevel: loud\n");
        var engine = new RecordingBuildEngine();
        var task = new HostNetLintTask { BuildEngine = engine, Root = repo.Path };

        Assert.That(task.Execute(), Is.False);
        Assert.That(engine.Errors.Select(e => (e.Code, Path.GetFileName(e.File), e.LineNumber, e.ColumnNumber, e.Message)), Is.EqualTo(new[]
        {
            ("HNL0006", "hostnetlint.yaml", 1, 12, "failLevel must be error, warning or note, not 'loud'. Nothing was linted."),
        }));
    }

    private static TempDirectory Sample() => TempDirectory.CopyOf(Repository.SampleDeployment);

    private sealed class RecordingBuildEngine : IBuildEngine
    {
        public List<BuildErrorEventArgs> Errors { get; } = [];

        public List<BuildWarningEventArgs> Warnings { get; } = [];

        public List<string> Messages { get; } = [];

        public bool ContinueOnError => false;

        public int LineNumberOfTaskNode => 0;

        public int ColumnNumberOfTaskNode => 0;

        public string ProjectFileOfTaskNode => "deploy.proj";

        public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);

        public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);

        public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e.Message ?? string.Empty);

        public void LogCustomEvent(CustomBuildEventArgs e)
        {
        }

        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => false;
    }
}
