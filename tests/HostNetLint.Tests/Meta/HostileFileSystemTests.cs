using HostNetLint.Cli;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Meta;

/// <summary>
/// Files that are not files: a FIFO under every input name, links to endless devices, a FIFO given as --config or
/// --baseline. Each is refused before it is read (HNL0001 at its path, HNL0006 for the configuration, a usage error
/// for the baseline), under a hang guard, and the well-formed file beside it is still checked and fixed.
/// </summary>
[TestFixture]
public sealed class HostileFileSystemTests
{
    private const string Fixable = "version: '3'\nservices:\n  web:\n    image: nginx\n";

    [TestCase("hostile/docker-compose.yml")]
    [TestCase("hostile/compose.yaml")]
    [TestCase("hostile/app.service")]
    [TestCase("hostile/app.container")]
    [TestCase("hostile/app.service.d/override.conf")]
    public void A_FIFO_under_an_input_name_is_HNL0001_at_its_path_in_check_and_fix(string name)
    {
        HostileFileSystem.RequireUnix();
        using var temp = new TempDirectory();
        if (name.Contains(".d/", StringComparison.Ordinal))
        {
            temp.Write("hostile/app.service", "[Service]\nExecStart=/bin/true\n");
        }

        HostileFileSystem.MakeFifo(Path.Combine(temp.Path, name));
        temp.Write("good/compose.yaml", Fixable);

        var (checkExit, check, _) = HostileFileSystem.Cli(temp.Path, "check");
        Assert.Multiple(() =>
        {
            Assert.That(check, Does.Contain($"{name}(1,1): error HNL0001: The file could not be read: it is a FIFO (named pipe), not a regular file."));
            Assert.That(check, Does.Contain("good/compose.yaml(1,1): note HNL3001"));
            Assert.That(checkExit, Is.EqualTo(ExitCodes.FindingsAtOrAboveFailLevel));
        });

        var (_, fix, _) = HostileFileSystem.Cli(temp.Path, "fix");
        Assert.Multiple(() =>
        {
            Assert.That(fix, Does.Contain("fixed good/compose.yaml: 1 edit (HNL3001)"));
            Assert.That(fix, Does.Contain($"{name}(1,1): error HNL0001"));
            Assert.That(File.ReadAllText(Path.Combine(temp.Path, "good", "compose.yaml")), Does.Not.Contain("version"));
        });
    }

    [Test]
    public void A_FIFO_named_env_is_HNL0001_and_the_project_is_still_read()
    {
        HostileFileSystem.RequireUnix();
        using var temp = new TempDirectory();
        HostileFileSystem.MakeFifo(Path.Combine(temp.Path, ".env"));
        temp.Write("compose.yaml", Fixable);
        var (_, output, _) = HostileFileSystem.Cli(temp.Path, "check");
        Assert.That(output, Does.Contain(".env(1,1): error HNL0001: The file could not be read: it is a FIFO (named pipe)"));
        Assert.That(output, Does.Contain("compose.yaml(1,1): note HNL3001"));
    }

    [Test]
    public void A_link_to_dev_zero_or_dev_urandom_is_refused_without_reading()
    {
        HostileFileSystem.RequireUnix();
        using var temp = new TempDirectory();
        HostileFileSystem.Link(Path.Combine(temp.Path, "zero", "compose.yaml"), "/dev/zero");
        HostileFileSystem.Link(Path.Combine(temp.Path, "random", "app.service"), "/dev/urandom");
        temp.Write("good/compose.yaml", Fixable);
        var (_, output, _) = HostileFileSystem.Cli(temp.Path, "check");
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("zero/compose.yaml(1,1): error HNL0001: The file could not be read: it is reached through a symbolic link and lies outside the linted root, at /dev/zero."));
            Assert.That(output, Does.Contain("random/app.service(1,1): error HNL0001"));
            Assert.That(output, Does.Contain("good/compose.yaml(1,1): note HNL3001"));
        });
    }

    [Test]
    public void A_character_device_inside_the_root_is_refused_as_one()
    {
        HostileFileSystem.RequireUnix();
        using var temp = new TempDirectory();
        var device = Path.Combine(temp.Path, "compose.yaml");
        var mknod = ChildProcess.Run("mknod", temp.Path, [device, "c", "1", "5"]);
        if (mknod.ExitCode != 0)
        {
            Assert.Ignore($"mknod needs root: {mknod.Output}");
        }

        var (_, output, _) = HostileFileSystem.Cli(temp.Path, "check");
        Assert.That(output, Does.Contain("compose.yaml(1,1): error HNL0001: The file could not be read: it is a character device, not a regular file."));
    }

    [Test]
    public void A_FIFO_named_hostnetlint_yaml_or_given_as_config_is_HNL0006()
    {
        HostileFileSystem.RequireUnix();
        using var temp = new TempDirectory();
        temp.Write("compose.yaml", Fixable);
        HostileFileSystem.MakeFifo(Path.Combine(temp.Path, "hostnetlint.yaml"));
        var (exit, output, _) = HostileFileSystem.Cli(temp.Path, "check");
        Assert.That(output, Does.Contain("hostnetlint.yaml(1,1): error HNL0006: The configuration file cannot be read: it is a FIFO (named pipe), not a regular file."));
        Assert.That(exit, Is.EqualTo(ExitCodes.UsageOrToolError));

        var (fixExit, _, _) = HostileFileSystem.Cli(temp.Path, "fix");
        Assert.That(fixExit, Is.EqualTo(ExitCodes.UsageOrToolError));
        Assert.That(File.ReadAllText(Path.Combine(temp.Path, "compose.yaml")), Is.EqualTo(Fixable));

        File.Delete(Path.Combine(temp.Path, "hostnetlint.yaml"));
        HostileFileSystem.MakeFifo(Path.Combine(temp.Path, "settings.yaml"));
        var (configExit, configOutput, _) = HostileFileSystem.Cli(temp.Path, "check", "--config", "settings.yaml");
        Assert.That(configOutput, Does.Contain("error HNL0006: The configuration file cannot be read: it is a FIFO"));
        Assert.That(configExit, Is.EqualTo(ExitCodes.UsageOrToolError));
    }

    [Test]
    public void A_FIFO_or_a_device_given_as_baseline_is_a_usage_error()
    {
        HostileFileSystem.RequireUnix();
        using var temp = new TempDirectory();
        temp.Write("compose.yaml", Fixable);
        HostileFileSystem.MakeFifo(Path.Combine(temp.Path, "baseline.sarif"));
        var (exit, _, error) = HostileFileSystem.Cli(temp.Path, "check", "--baseline", "baseline.sarif");
        Assert.That(error, Does.Contain("cannot be read: it is a FIFO (named pipe), not a regular file"));
        Assert.That(exit, Is.EqualTo(ExitCodes.UsageOrToolError));

        var (zeroExit, _, zeroError) = HostileFileSystem.Cli(temp.Path, "check", "--baseline", "/dev/zero");
        Assert.That(zeroError, Does.Contain("cannot be read: it is a character device, not a regular file"));
        Assert.That(zeroExit, Is.EqualTo(ExitCodes.UsageOrToolError));
    }

    [Test]
    public void A_FIFO_named_editorconfig_is_HNL0001_at_its_path_and_the_files_above_it_still_apply()
    {
        HostileFileSystem.RequireUnix();
        using var temp = new TempDirectory();
        temp.Write(".editorconfig", "root = true\n[*.yaml]\ndotnet_diagnostic.HNL3001.severity = error\n");
        HostileFileSystem.MakeFifo(Path.Combine(temp.Path, "app", ".editorconfig"));
        temp.Write("app/compose.yaml", Fixable);
        var (exit, output, _) = HostileFileSystem.Cli(temp.Path, "check");
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("app/.editorconfig(1,1): error HNL0001: The .editorconfig could not be read (it is a FIFO (named pipe), not a regular file); the severities it sets were not applied."));
            Assert.That(output, Does.Contain("app/compose.yaml(1,1): error HNL3001"));
            Assert.That(exit, Is.EqualTo(ExitCodes.FindingsAtOrAboveFailLevel));
        });
    }
}
