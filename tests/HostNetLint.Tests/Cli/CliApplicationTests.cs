using HostNetLint.Cli;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Tests.Cli;

/// <summary>The command line invoked in-process: parsing, usage errors and the commands that need no model.</summary>
[TestFixture]
public sealed class CliApplicationTests
{
    private string temp = "";

    [SetUp]
    public void CreateDirectory()
    {
        temp = Path.Combine(Path.GetTempPath(), "hostnetlint-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(temp);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(temp, recursive: true);

    [Test]
    public void No_command_is_a_usage_error()
    {
        var result = Run();

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageOrToolError));
            Assert.That(result.Stderr, Does.StartWith("hostnetlint: error: "));
            Assert.That(result.Stdout, Is.Empty);
        });
    }

    [TestCase("--bogus")]
    [TestCase("check", "--bogus")]
    [TestCase("check", "-x", ".")]
    [TestCase("rules", "--bogus")]
    public void An_unknown_option_is_a_usage_error(params string[] args)
    {
        var result = Run(args);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageOrToolError));
            Assert.That(result.Stderr, Does.Contain(args.First(a => a.StartsWith('-'))));
            Assert.That(result.Stderr, Does.Contain("--help"));
            Assert.That(result.Stdout, Is.Empty);
        });
    }

    [Test]
    public void An_unknown_command_is_a_usage_error()
    {
        Assert.That(Run("lint").ExitCode, Is.EqualTo(ExitCodes.UsageOrToolError));
    }

    [TestCase("--fail-level", "fatal")]
    [TestCase("--fail-level", "none")]
    [TestCase("--format", "xml")]
    [TestCase("--fail-level")]
    [TestCase("--exclude")]
    public void A_bad_option_value_is_a_usage_error(params string[] option)
    {
        // The path goes first: "--exclude ." would take "." as the glob.
        var result = Run(["check", ".", .. option]);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageOrToolError));
            Assert.That(result.Stderr, Does.StartWith("hostnetlint: error: "));
            Assert.That(result.Stdout, Is.Empty);
        });
    }

    [Test]
    public void A_nonexistent_path_is_reported_on_stderr_with_exit_code_2()
    {
        var result = Run("check", "no-such-dir");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageOrToolError));
            Assert.That(result.Stderr, Is.EqualTo("hostnetlint: error: path 'no-such-dir' does not exist\n"));
            Assert.That(result.Stdout, Is.Empty);
        });
    }

    [Test]
    public void A_nonexistent_path_among_existing_ones_is_still_an_error()
    {
        File.WriteAllText(Path.Combine(temp, "compose.yaml"), "services: {}\n");

        var result = Run("check", "compose.yaml", "missing/compose.yaml");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageOrToolError));
            Assert.That(result.Stderr, Does.Contain("'missing/compose.yaml' does not exist"));
        });
    }

    [Test]
    public void Rules_lists_the_catalogue_with_a_header()
    {
        var result = Run("rules");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(result.Stderr, Is.Empty);
            var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.That(lines[0], Does.Match("^ID +Severity +Category +Fixable +Title$"));
            Assert.That(lines, Has.Length.EqualTo(RuleCatalog.Descriptors.Length + 1));
            foreach (var descriptor in RuleCatalog.Descriptors)
            {
                Assert.That(lines, Has.Some.StartWith(descriptor.Id + " "));
            }
        });
    }

    [Test]
    public void Help_lists_both_commands()
    {
        var result = Run("--help");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(result.Stdout, Does.Contain("check"));
            Assert.That(result.Stdout, Does.Contain("rules"));
        });
    }

    [Test]
    public void Check_help_lists_its_options()
    {
        var result = Run("check", "--help");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(result.Stdout, Does.Contain("--exclude"));
            Assert.That(result.Stdout, Does.Contain("--fail-level <error|warning|note>"));
            Assert.That(result.Stdout, Does.Contain("[default: warning]"));
            Assert.That(result.Stdout, Does.Contain("--format <text|sarif|github|junit|gitlab|json>"));
            Assert.That(result.Stdout, Does.Contain("--output"));
            Assert.That(result.Stdout, Does.Contain("--sarif-category"));
        });
    }

    [Test]
    public void List_files_prints_what_is_read_and_why_instead_of_findings()
    {
        // The VM-facing service on the bridge would be HNL1001; --list-files reports no findings and succeeds.
        Write("airflow/docker-compose.yml", "services:\n  webserver:\n    image: apache/airflow\n    volumes: [/var/run/libvirt:/var/run/libvirt]\n");
        Write("airflow/docker-compose.override.yml", "services:\n  webserver:\n    environment: [A=1]\n");
        Write("ansible/group_vars/all.yml", "services:\n  airflow:\n    port: 8888\n");
        Write("notes/readme.txt", "not a deployment file\n");

        var result = Run("check", "--list-files");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Stderr);
            Assert.That(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..2])), Is.EqualTo(new[]
            {
                "airflow/docker-compose.override.yml airflow",
                "airflow/docker-compose.yml airflow",
                "ansible/group_vars/all.yml -",
            }));
            Assert.That(result.Stdout, Does.Contain("not linted: YAML with services:, but no service has image: or build:"));
            Assert.That(result.Stdout, Does.Not.Contain("HNL1001"));
            Assert.That(result.Stderr, Is.Empty);
        });
    }

    [Test]
    public void List_files_keeps_to_the_paths_named()
    {
        Write("a/compose.yaml", "services:\n  web:\n    image: nginx\n");
        Write("b/compose.yaml", "services:\n  web:\n    image: nginx\n");
        Write("c/compose.yaml", "services:\n  web:\n    image: nginx\n");

        var result = Run("check", "--list-files", "a", "c");

        Assert.That(result.Stdout, Does.StartWith("a/compose.yaml").And.Contain("\nc/compose.yaml").And.Not.Contain("b/compose.yaml"));
    }

    [Test]
    public void Version_prints_a_version_and_succeeds()
    {
        var result = Run("--version");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(result.Stdout.Trim(), Is.Not.Empty);
        });
    }

    [Test]
    public void A_tool_failure_is_one_line_on_stderr_without_a_stack_trace()
    {
        using var stderr = new StringWriter { NewLine = "\n" };

        var exitCode = CliApplication.ReportToolFailure(MakeException("compose loader under construction"), stderr, verbose: false);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.UsageOrToolError));
            Assert.That(stderr.ToString(), Is.EqualTo("hostnetlint: error: compose loader under construction\nRun with --verbose for details.\n"));
        });
    }

    [Test]
    public void A_tool_failure_shows_the_exception_when_verbose()
    {
        using var stderr = new StringWriter { NewLine = "\n" };

        CliApplication.ReportToolFailure(MakeException("boom"), stderr, verbose: true);

        Assert.That(stderr.ToString(), Does.Contain("System.InvalidOperationException: boom").And.Contain(" at "));
    }

    private static InvalidOperationException MakeException(string message)
    {
        try
        {
            throw new InvalidOperationException(message);
        }
        catch (InvalidOperationException ex)
        {
            return ex;
        }
    }

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(temp, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private CliResult Run(params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var exitCode = CliApplication.Run(args, stdout, stderr, temp);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }
}

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);
