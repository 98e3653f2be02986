using HostNetLint.Reporting;
using HostNetLint.Reporting.GitHub;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.CiFormats;

/// <summary>
/// The github format read back the way GitHub's runner reads it: every finding one command with the exact repository
/// path, position, title and message; most severe first; one notice about the annotation cap when a level is over it.
/// </summary>
[TestFixture]
public sealed class GitHubAnnotationTests
{
    [TestCase("a%b\rc\nd:e,f", "a%25b%0Dc%0Ad:e,f", "a%25b%0Dc%0Ad%3Ae%2Cf")]
    [TestCase("%0A", "%250A", "%250A")]
    [TestCase("plain", "plain", "plain")]
    public void Data_and_properties_are_escaped_as_the_toolkit_does(string value, string data, string property)
    {
        Assert.Multiple(() =>
        {
            Assert.That(WorkflowCommands.EscapeData(value), Is.EqualTo(data));
            Assert.That(WorkflowCommands.EscapeProperty(value), Is.EqualTo(property));
        });
    }

    [Test]
    public void Each_finding_reads_back_with_its_exact_path_position_title_and_message()
    {
        using var temp = new TempDirectory();
        var root = Reports.WriteHostile(temp);
        var json = System.Text.Json.JsonDocument.Parse(Reports.Run(root, null, "check", "--format", "json").Stdout).RootElement;
        var expected = json.GetProperty("findings").EnumerateArray().Select(f => (
            Name: f.GetProperty("severity").GetString() switch { "error" => "error", "warning" => "warning", _ => "notice" },
            File: TerminalText.Escape(f.GetProperty("path").GetString()!, keepLineBreaks: true),
            Line: f.GetProperty("region").GetProperty("startLine").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
            Title: $"{f.GetProperty("ruleId").GetString()}: {f.GetProperty("ruleTitle").GetString()}",
            Data: TerminalText.Escape(f.GetProperty("message").GetString()!, keepLineBreaks: true) + "\n" + f.GetProperty("helpUri").GetString())).ToList();

        var output = Reports.Run(root, null, "check", "--format", "github").Stdout;
        var commands = output.TrimEnd('\n').Split('\n').Select(RunnerCommands.TryParse).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(commands, Has.None.Null, "every line is a workflow command");
            Assert.That(
                commands.Select(c => (c!.Name, c.Properties["file"], c.Properties["line"], c.Properties["title"], c.Data)),
                Is.EquivalentTo(expected));
            Assert.That(expected.Select(e => e.File), Has.Some.Contains("\n"), "a line break in a path stays exact (%0A)");
            Assert.That(expected.Select(e => e.File), Has.Some.Contains("100%0A,a:b"), "'%', ',' and ':' in a path stay exact");
            Assert.That(output, Does.Not.Contain("##["), "the runner's older command prefix never appears");
            AssertNoRawControlCharacters(output);
        });
    }

    [Test]
    public void Findings_come_most_severe_first_and_a_notice_precedes_the_notes_when_a_level_is_over_the_cap()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(temp.Path, ".git"));
        var services = string.Concat(Enumerable.Range(1, 12).Select(i => $"  s{i}:\n    image: nginx\n    network_mode: host\n    ports: ['{8000 + i}:{8000 + i}']\n"));
        temp.Write("compose.yaml", "version: '3'\nservices:\n" + services);

        var lines = Reports.Run(temp.Path, null, "check", "--format", "github").Stdout.TrimEnd('\n').Split('\n');
        var names = lines.Select(l => RunnerCommands.TryParse(l)!).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(names.Select(c => c.Name), Is.EqualTo(Enumerable.Repeat("warning", 12).Concat(["notice", "notice"])));
            Assert.That(names[12].Properties.ContainsKey("file"), Is.False, "the cap notice is about the run, not a file");
            Assert.That(names[12].Data, Does.StartWith("HostNetLint found 0 errors, 12 warnings, 1 note in 1 file. GitHub shows at most 10 annotations of each level per step"));
            Assert.That(names[13].Properties["title"], Does.StartWith("HNL3001"));
        });
    }

    [Test]
    public void No_notice_is_added_when_every_level_is_within_the_cap()
    {
        var lines = Reports.Run(Repository.Root, null, ["check", "--format", "github", .. Reports.SamplePaths]).Stdout.TrimEnd('\n').Split('\n');
        Assert.That(lines.Select(l => RunnerCommands.TryParse(l)!.Name), Is.EqualTo(new[] { "error", "error", "error", "error", "warning", "notice" }));
    }

    [Test]
    public void Paths_are_relative_to_GITHUB_WORKSPACE_when_it_is_set()
    {
        var workspace = Path.Combine(Repository.Root, "tests");
        var result = Reports.Run(Repository.Root, new Dictionary<string, string> { ["GITHUB_WORKSPACE"] = workspace }, ["check", "--format", "github", .. Reports.SamplePaths]);
        var files = result.Stdout.TrimEnd('\n').Split('\n').Select(l => RunnerCommands.TryParse(l)!.Properties["file"]).Distinct().Order(StringComparer.Ordinal);
        Assert.That(files, Is.EqualTo(new[] { "sample-deployment/airflow/airflow.service", "sample-deployment/airflow/docker-compose.yaml" }));
    }

    internal static void AssertNoRawControlCharacters(string output)
    {
        foreach (var c in output)
        {
            Assert.That(c == '\n' || !(char.IsControl(c) || c is '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E')), $"U+{(int)c:X4} reached the output");
        }
    }
}
