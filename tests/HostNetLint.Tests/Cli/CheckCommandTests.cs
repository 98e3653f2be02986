using System.Collections.Immutable;
using HostNetLint.Cli;
using HostNetLint.Hosting;
using HostNetLint.Model;
using HostNetLint.Parsing.Text;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Tests.Cli;

/// <summary><c>check</c> in-process with a stand-in model builder and linter: root, paths, options, output and exit code.</summary>
[TestFixture]
public sealed class CheckCommandTests
{
    private string temp = "";
    private string? builtRoot;
    private IReadOnlyList<string>? builtPaths;
    private ModelOptions? builtOptions;
    private ImmutableArray<Diagnostic> findings = [];
    private Exception? failure;

    [SetUp]
    public void CreateTree()
    {
        temp = Path.Combine(Path.GetTempPath(), "hostnetlint-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(temp, "deploy", "airflow"));
        Directory.CreateDirectory(Path.Combine(temp, "deploy", "systemd"));
        File.WriteAllText(Path.Combine(temp, "deploy", "airflow", "docker-compose.yaml"), "services: {}\n");
        File.WriteAllText(Path.Combine(temp, "deploy", "systemd", "airflow.service"), "[Unit]\n");
        builtRoot = null;
        builtPaths = null;
        builtOptions = null;
        findings = [];
        failure = null;
    }

    [TearDown]
    public void DeleteTree() => Directory.Delete(temp, recursive: true);

    [Test]
    public void Without_paths_the_current_directory_is_checked()
    {
        var result = Run(temp, "check");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Stderr);
            Assert.That(builtRoot, Is.EqualTo(temp));
            Assert.That(builtPaths, Is.EqualTo(new[] { temp }));
            Assert.That(result.Stdout, Is.EqualTo("No findings in 2 files\n"));
            Assert.That(result.Stderr, Is.Empty);
        });
    }

    [Test]
    public void The_root_is_the_common_directory_and_paths_are_passed_absolute()
    {
        var deploy = Path.Combine(temp, "deploy");

        Run(deploy, "check", "airflow/docker-compose.yaml", Path.Combine("systemd", "airflow.service"));

        string[] expected =
        [
            Path.Combine(deploy, "airflow", "docker-compose.yaml"),
            Path.Combine(deploy, "systemd", "airflow.service"),
        ];
        Assert.Multiple(() =>
        {
            Assert.That(builtRoot, Is.EqualTo(deploy));
            Assert.That(builtPaths, Is.EqualTo(expected));
        });
    }

    [Test]
    public void Excludes_reach_the_model_builder_in_order()
    {
        Run(temp, "check", "--exclude", "**/logs/**", "--exclude", "deploy/systemd/*", ".");

        string[] expected = ["**/logs/**", "deploy/systemd/*"];
        Assert.That(builtOptions?.Exclude, Is.EqualTo(expected));
    }

    [Test]
    public void Findings_are_printed_relative_to_the_current_directory_and_fail_at_warning()
    {
        findings =
        [
            TestDiagnostics.AtLine(Path.Combine(temp, "deploy", "systemd", "airflow.service"), 3, 1, Severity.Warning, "unit"),
            TestDiagnostics.AtLine(Path.Combine(temp, "deploy", "airflow", "docker-compose.yaml"), 12, 5, Severity.Error, "compose"),
        ];

        var result = Run(Path.Combine(temp, "deploy"), "check");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.FindingsAtOrAboveFailLevel));
            Assert.That(result.Stdout, Is.EqualTo(
                "airflow/docker-compose.yaml(12,5): error HNL1901: compose\n" +
                "systemd/airflow.service(3,1): warning HNL1901: unit\n" +
                "1 error, 1 warning, 0 notes in 2 files\n"));
        });
    }

    [Test]
    public void Relative_finding_paths_are_relative_to_the_model_root()
    {
        findings = [TestDiagnostics.AtLine("airflow/docker-compose.yaml", 1, 1, Severity.Note, "n")];

        var result = Run(temp, "check", "deploy");

        Assert.That(result.Stdout, Does.StartWith("deploy/airflow/docker-compose.yaml(1,1): note HNL1901: n\n"));
    }

    [TestCase("error", Severity.Warning, ExitCodes.Success)]
    [TestCase("error", Severity.Error, ExitCodes.FindingsAtOrAboveFailLevel)]
    [TestCase("warning", Severity.Note, ExitCodes.Success)]
    [TestCase("warning", Severity.Warning, ExitCodes.FindingsAtOrAboveFailLevel)]
    [TestCase("note", Severity.Note, ExitCodes.FindingsAtOrAboveFailLevel)]
    public void The_fail_level_decides_the_exit_code_but_every_finding_is_shown(string failLevel, Severity severity, int expected)
    {
        findings = [TestDiagnostics.AtLine(Path.Combine(temp, "deploy", "airflow", "docker-compose.yaml"), 1, 1, severity, "m")];

        var result = Run(temp, "check", "--fail-level", failLevel);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(expected));
            Assert.That(result.Stdout, Does.StartWith("deploy/airflow/docker-compose.yaml(1,1): "));
        });
    }

    [Test]
    public void A_failing_model_builder_is_a_tool_error_without_a_stack_trace()
    {
        failure = new InvalidOperationException("compose loader under construction");

        var result = Run(temp, "check");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageOrToolError));
            Assert.That(result.Stdout, Is.Empty);
            Assert.That(result.Stderr, Is.EqualTo("hostnetlint: error: compose loader under construction\nRun with --verbose for details.\n"));
        });
    }

    [Test]
    public void Verbose_shows_the_exception_of_a_tool_error()
    {
        failure = new InvalidOperationException("boom");

        var result = Run(temp, "check", "--verbose");

        Assert.That(result.Stderr, Does.Contain("System.InvalidOperationException: boom"));
    }

    [Test]
    public void A_tool_failure_with_SARIF_output_still_writes_SARIF_that_says_execution_failed()
    {
        failure = new IOException("disk on fire");

        var result = Run(temp, "check", "--format", "sarif");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageOrToolError));
        Assert.That(HostNetLint.Tests.Sarif.SarifSchema.Validate(result.Stdout), Is.Empty);
        var invocation = System.Text.Json.Nodes.JsonNode.Parse(result.Stdout)!["runs"]![0]!["invocations"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(invocation["executionSuccessful"]!.GetValue<bool>(), Is.False);
            Assert.That(invocation["toolExecutionNotifications"]![0]!["message"]!["text"]!.GetValue<string>(), Does.Contain("disk on fire"));
            Assert.That(result.Stderr, Does.StartWith("hostnetlint: error: disk on fire"));
        });
    }

    private CliResult Run(string currentDirectory, params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var context = new CliContext(stdout, stderr, currentDirectory)
        {
            Run = new LintRun
            {
                BuildModel = BuildModel,
                Analyze = (_, _) => new LintResult(findings, []),
            },
        };
        var exitCode = CliApplication.Run(args, context);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    private DeploymentModel BuildModel(string root, IReadOnlyList<string> paths, ModelOptions options)
    {
        if (failure is not null)
        {
            throw failure;
        }

        builtRoot = root;
        builtPaths = paths;
        builtOptions = options;
        string[] files = ["airflow/docker-compose.yaml", "systemd/airflow.service"];
        return new DeploymentModel
        {
            Root = root,
            Documents = [.. files.Select(f => new SourceDocument { Path = f, Text = SourceText.From("", f) })],
        };
    }
}
