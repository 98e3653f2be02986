using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Meta;

/// <summary>
/// Permission denied, for real: the CLI runs in a child process without the capabilities that let root read
/// anything (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, dropped from its bounding set with <c>setpriv</c>), so a
/// <c>chmod 000</c> file or directory is as unreadable to it as to any user. Nothing that should have been read
/// is skipped silently: each is HNL0001 at its path, and the rest is still checked.
/// </summary>
[TestFixture]
public sealed class UnreadableInputTests
{
    private const string Fixable = "version: '3'\nservices:\n  web:\n    image: nginx\n";

    [Test]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void An_unreadable_directory_editorconfig_and_compose_file_are_each_HNL0001_at_their_path()
    {
        HostileFileSystem.RequireUnix();
        using var temp = new TempDirectory();
        temp.Write("locked/compose.yaml", Fixable);
        temp.Write("config/.editorconfig", "[*]\ndotnet_diagnostic.HNL3001.severity = none\n");
        temp.Write("config/compose.yaml", Fixable);
        temp.Write("secret/compose.yaml", Fixable);
        temp.Write("good/compose.yaml", Fixable);
        string[] locked = ["locked", "config/.editorconfig", "secret/compose.yaml"];
        foreach (var path in locked)
        {
            File.SetUnixFileMode(Path.Combine(temp.Path, path), UnixFileMode.None);
        }

        try
        {
            var result = RunWithoutPermissionOverride(temp.Path, "check");
            Assert.Multiple(() =>
            {
                Assert.That(result.Output, Does.Contain("locked(1,1): error HNL0001: The directory could not be listed ("));
                Assert.That(result.Output, Does.Contain("); the files in it were not checked."));
                Assert.That(result.Output, Does.Contain("config/.editorconfig(1,1): error HNL0001: The .editorconfig could not be read (Permission denied); the severities it sets were not applied."));
                Assert.That(result.Output, Does.Contain("config/compose.yaml(1,1): note HNL3001"), "the switch-off in the unreadable .editorconfig is not applied");
                Assert.That(result.Output, Does.Contain("secret/compose.yaml(1,1): error HNL0001: The file could not be read: Permission denied."));
                Assert.That(result.Output, Does.Contain("good/compose.yaml(1,1): note HNL3001"));
                Assert.That(result.ExitCode, Is.EqualTo(1));
            });
        }
        finally
        {
            foreach (var path in locked)
            {
                File.SetUnixFileMode(Path.Combine(temp.Path, path), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
    }

    /// <summary>Runs the CLI as it would run for a user without root's permission override.</summary>
    private static ProcessResult RunWithoutPermissionOverride(string directory, params string[] arguments)
    {
        var cli = Path.Combine(TestContext.CurrentContext.TestDirectory, "hostnetlint.dll");
        if (Environment.UserName != "root")
        {
            return DotnetProcess.Run(directory, TimeSpan.FromMinutes(2), [cli, .. arguments]);
        }

        if (!ChildProcess.IsOnPath("setpriv"))
        {
            Assert.Ignore("Running as root without setpriv (util-linux): permissions cannot be made to bite.");
        }

        return ChildProcess.Run(
            "setpriv",
            directory,
            ["--bounding-set=-dac_override,-dac_read_search", "--", DotnetProcess.Host, cli, .. arguments],
            TimeSpan.FromMinutes(2));
    }
}
