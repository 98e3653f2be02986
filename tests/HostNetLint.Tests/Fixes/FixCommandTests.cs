using System.Diagnostics;
using HostNetLint.Cli;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Fixes;

/// <summary><c>hostnetlint fix</c> and <c>fix --dry-run</c> in-process, on files in a temporary directory.</summary>
[TestFixture]
public sealed class FixCommandTests
{
    private const string Before = "# web\r\nversion: '3'\r\nservices:\r\n  web:\r\n    image: nginx\r\n    network_mode: host\r\n    ports:\r\n      - \"80:80\"\r\n    command: serve";

    private const string After = "# web\r\nservices:\r\n  web:\r\n    image: nginx\r\n    network_mode: host\r\n    command: serve";

    [Test]
    public void Fix_writes_the_files_reports_what_it_did_and_what_is_left()
    {
        using var temp = new TempDirectory();
        temp.Write("app/compose.yaml", Before);
        var (exit, output, _) = Run(temp.Path, "fix");
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(Path.Combine(temp.Path, "app", "compose.yaml")), Is.EqualTo(After));
            Assert.That(output, Does.Contain("fixed app/compose.yaml: 2 edits (HNL1002, HNL3001)"));
            Assert.That(output, Does.Contain("No findings in 1 file"));
            Assert.That(exit, Is.EqualTo(ExitCodes.Success));
        });

        var (secondExit, secondOutput, _) = Run(temp.Path, "fix");
        Assert.That(secondOutput, Does.Not.Contain("fixed "));
        Assert.That(secondExit, Is.EqualTo(ExitCodes.Success));
    }

    [Test]
    public void A_finding_fix_cannot_fix_is_listed_as_not_fixed_with_the_reason_and_nothing_claims_it_fixed()
    {
        using var temp = new TempDirectory();
        const string compose = "services:\n  base:\n    image: airflow\n    networks: [lab]\n  web:\n    extends: base\n    volumes: [/run/libvirt:/run/libvirt]\nnetworks:\n  lab: {}\n";
        temp.Write("compose.yaml", compose);
        var (exit, output, _) = Run(temp.Path, "fix");
        var (dryExit, _, dryError) = Run(temp.Path, "fix", "--dry-run");
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(Path.Combine(temp.Path, "compose.yaml")), Is.EqualTo(compose));
            Assert.That(output, Does.Not.Contain("fixed compose.yaml:"));
            Assert.That(output, Does.Contain("not fixed compose.yaml(5,3) HNL1001: 'web' gets networks: from 'base' through extends"));
            Assert.That(exit, Is.EqualTo(ExitCodes.FindingsAtOrAboveFailLevel));
            Assert.That(dryError, Does.Contain("hostnetlint: not fixed compose.yaml(5,3) HNL1001: 'web' gets networks:"));
            Assert.That(dryExit, Is.EqualTo(ExitCodes.Success));
        });
    }

    [Test]
    public void Fix_exits_1_when_an_unfixable_finding_remains()
    {
        using var temp = new TempDirectory();
        temp.Write("compose.yaml", "services:\n  web:\n    image: nginx\n    network_mode: host\n    command: webserver --port 8888\n  api:\n    image: x\n    network_mode: host\n    command: serve --port 8888\n");
        var (exit, output, _) = Run(temp.Path, "fix", "--fail-level", "note");
        Assert.That(exit, Is.EqualTo(ExitCodes.FindingsAtOrAboveFailLevel), output);
    }

    [Test]
    public void Rule_option_limits_the_fix_and_rejects_rules_without_a_fix()
    {
        using var temp = new TempDirectory();
        temp.Write("compose.yaml", Before);
        var (exit, _, _) = Run(temp.Path, "fix", "--rule", "HNL3001");
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(Path.Combine(temp.Path, "compose.yaml")), Does.Contain("ports:").And.Not.Contain("version"));
            Assert.That(exit, Is.EqualTo(ExitCodes.FindingsAtOrAboveFailLevel));
        });

        var (badExit, _, error) = Run(temp.Path, "fix", "--rule", "HNL1005");
        Assert.That(badExit, Is.EqualTo(ExitCodes.UsageOrToolError));
        Assert.That(error, Does.Contain("no automatic fix"));
    }

    [Test]
    public void Dry_run_writes_nothing_and_prints_a_diff_that_git_applies()
    {
        using var temp = new TempDirectory();
        temp.Write("app/compose.yaml", Before);
        temp.WriteBytes("bom/compose.yaml", [0xEF, 0xBB, 0xBF, .. "version: '3'\nservices:\n  web:\n    image: nginx\n"u8]);
        var (exit, diff, _) = Run(temp.Path, "fix", "--dry-run");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.FindingsAtOrAboveFailLevel));
            Assert.That(File.ReadAllText(Path.Combine(temp.Path, "app", "compose.yaml")), Is.EqualTo(Before));
            Assert.That(diff, Does.StartWith("diff --git a/app/compose.yaml b/app/compose.yaml\n--- a/app/compose.yaml\n+++ b/app/compose.yaml\n@@ "));
            Assert.That(diff, Does.Contain("\\ No newline at end of file\n"));
        });

        ApplyWithGit(temp.Path, diff);
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(Path.Combine(temp.Path, "app", "compose.yaml")), Is.EqualTo(After));
            Assert.That(File.ReadAllBytes(Path.Combine(temp.Path, "bom", "compose.yaml")), Is.EqualTo((byte[])[0xEF, 0xBB, 0xBF, .. "services:\n  web:\n    image: nginx\n"u8]));
        });

        var (cleanExit, cleanDiff, _) = Run(temp.Path, "fix", "--dry-run");
        Assert.That(cleanExit, Is.EqualTo(ExitCodes.Success));
        Assert.That(cleanDiff, Is.Empty);
    }

    [Test]
    public void CR_only_files_and_lone_CRs_get_a_patch_git_applies_and_a_fix_in_their_own_line_breaks()
    {
        const string crOnly = "services:\r  scheduler:\r    image: airflow\r    environment:\r      LIBVIRT_DEFAULT_URI: qemu:///system\r";
        const string crOnlyFixed = "services:\r  scheduler:\r    image: airflow\r    environment:\r      LIBVIRT_DEFAULT_URI: qemu:///system\r    network_mode: host\r";
        const string loneCr = "version: '3'\nservices:\n  web:\n    command: \"serve\r      --now\"\n    image: nginx\n";
        const string loneCrFixed = "services:\n  web:\n    command: \"serve\r      --now\"\n    image: nginx\n";
        using var temp = new TempDirectory();
        temp.Write("cr/compose.yaml", crOnly);
        temp.Write("lone/compose.yaml", loneCr);
        var (_, diff, _) = Run(temp.Path, "fix", "--dry-run");
        ApplyWithGit(temp.Path, diff);
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(Path.Combine(temp.Path, "cr", "compose.yaml")), Is.EqualTo(crOnlyFixed));
            Assert.That(File.ReadAllText(Path.Combine(temp.Path, "lone", "compose.yaml")), Is.EqualTo(loneCrFixed));
        });

        temp.Write("cr/compose.yaml", crOnly);
        temp.Write("lone/compose.yaml", loneCr);
        Run(temp.Path, "fix");
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(Path.Combine(temp.Path, "cr", "compose.yaml")), Is.EqualTo(crOnlyFixed));
            Assert.That(File.ReadAllText(Path.Combine(temp.Path, "lone", "compose.yaml")), Is.EqualTo(loneCrFixed));
        });
    }

    [Test]
    public void Check_in_SARIF_carries_the_fixes_as_result_fixes()
    {
        using var temp = new TempDirectory();
        temp.Write("compose.yaml", "version: '3'\nservices:\n  web:\n    image: nginx\n");
        var (_, sarif, _) = Run(temp.Path, "check", "--format", "sarif");
        Assert.That(sarif, Does.Contain("\"fixes\"").And.Contain("Remove the version key").And.Contain("\"deletedRegion\""));
    }

    [Test]
    public void Fix_never_writes_through_a_symlink_that_leaves_the_root()
    {
        using var outside = new TempDirectory();
        using var temp = new TempDirectory();
        var target = outside.Write("compose.yaml", "version: '3'\nservices:\n  web:\n    image: nginx\n");
        File.CreateSymbolicLink(Path.Combine(temp.Path, "compose.yaml"), target);
        Run(temp.Path, "fix");
        Assert.That(File.ReadAllText(target), Does.StartWith("version: '3'"));
    }

    [Test]
    public void Fix_leaves_a_file_with_a_syntax_error_untouched()
    {
        using var temp = new TempDirectory();
        const string broken = "version: '3'\nservices:\n  web: [\n";
        temp.Write("compose.yaml", broken);
        var (exit, _, _) = Run(temp.Path, "fix");
        Assert.That(File.ReadAllText(Path.Combine(temp.Path, "compose.yaml")), Is.EqualTo(broken));
        Assert.That(exit, Is.EqualTo(ExitCodes.FindingsAtOrAboveFailLevel));
    }

    [Test]
    public void Fix_takes_the_configuration_options_of_check()
    {
        using var temp = new TempDirectory();
        temp.Write("compose.yaml", Before);
        temp.Write("ci/strict.yaml", "severity:\n  HNL1002: none\n");

        // HNL3001 switched off on the command line, HNL1002 in the --config file: neither is fixed.
        var (exit, output, _) = Run(temp.Path, "fix", "--severity", "HNL3001=none", "--config", "ci/strict.yaml");
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(Path.Combine(temp.Path, "compose.yaml")), Is.EqualTo(Before));
            Assert.That(output, Is.EqualTo("No findings in 1 file" + Environment.NewLine));
            Assert.That(exit, Is.EqualTo(ExitCodes.Success));
        });

        temp.Write("compose.yaml", "services:\n  web:\n    image: nginx # hostnetlint-disable-line HNL1006\n");
        var (strictExit, strictOutput, _) = Run(temp.Path, "fix", "--require-justification");
        Assert.Multiple(() =>
        {
            Assert.That(strictOutput, Does.Contain("compose.yaml(3,18): warning HNL0005: The suppression gives no reason"));
            Assert.That(strictExit, Is.EqualTo(ExitCodes.FindingsAtOrAboveFailLevel));
        });
    }

    [Test]
    public void Fix_exits_by_the_fail_level_of_hostnetlint_yaml_unless_one_is_given()
    {
        using var temp = new TempDirectory();
        temp.Write("hostnetlint.yaml", "failLevel: error\nrequireJustification: true\n");
        temp.Write("compose.yaml", "services:\n  web:\n    image: nginx # hostnetlint-disable-line HNL1006\n");

        var (exit, output, _) = Run(temp.Path, "fix");
        var (givenExit, _, _) = Run(temp.Path, "fix", "--fail-level", "warning");
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("warning HNL0005").And.Not.Contain("error "));
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), output);
            Assert.That(givenExit, Is.EqualTo(ExitCodes.FindingsAtOrAboveFailLevel));
        });
    }

    private static (int Exit, string Output, string Error) Run(string directory, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CliApplication.Run(args, output, error, directory);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Applies a <c>--dry-run</c> patch with the real <c>git apply</c> (checked first, as a user would).</summary>
    private static void ApplyWithGit(string directory, string diff)
    {
        if (!ChildProcess.IsOnPath("git"))
        {
            Assert.Ignore("git is not installed");
        }

        Git(directory, "init", "-q");
        File.WriteAllText(Path.Combine(directory, "fix.patch"), diff);
        Git(directory, "apply", "--check", "fix.patch");
        Git(directory, "apply", "fix.patch");
    }

    private static void Git(string directory, params string[] args)
    {
        var result = ChildProcess.Run("git", directory, args);
        Assert.That(result.ExitCode, Is.Zero, $"git {string.Join(' ', args)}: {result.Output}");
    }
}
