namespace HostNetLint.Tests.TestSupport;

/// <summary>What the tests that pack and install the .NET tool share: a clean copy to pack from, and what was installed.</summary>
public static class ToolPackaging
{
    /// <summary>How long one `dotnet pack` or `dotnet tool install` may take (a Native AOT pack takes minutes).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A clone of this repository with the working tree's uncommitted changes and untracked files committed on top, so
    /// pre-commit (which installs from a commit) and `dotnet pack` (which must not meet this tree's build outputs) see
    /// what is being tested. Returns the clone and its commit.
    /// </summary>
    public static (string Path, string Commit) ShadowRepository(string parent)
    {
        var shadow = Path.Combine(parent, "hostnetlint");
        Git(parent, "clone", "-q", "--no-hardlinks", Repository.Root, shadow);
        var diff = Path.Combine(parent, "uncommitted.diff");
        Git(Repository.Root, "diff", "HEAD", "--binary", $"--output={diff}");
        if (new FileInfo(diff).Length > 0)
        {
            Git(shadow, "apply", "--whitespace=nowarn", diff);
        }

        foreach (var untracked in Git(Repository.Root, "ls-files", "--others", "--exclude-standard", "-z").Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var destination = Path.Combine(shadow, untracked);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(Path.Combine(Repository.Root, untracked), destination, overwrite: true);
        }

        Git(shadow, "add", "-A");
        Git(shadow, "-c", "user.name=test", "-c", "user.email=test@example.invalid", "commit", "-q", "--allow-empty", "-m", "working tree under test");
        return (shadow, Git(shadow, "rev-parse", "HEAD").Trim());
    }

    /// <summary>Whether `dotnet pack` on this machine packs the native tool, as the tool project evaluates it ("true" or empty).</summary>
    public static string PackingDecision()
    {
        var project = Path.Combine(Repository.Root, "src", "HostNetLint.Cli", "HostNetLint.Cli.csproj");
        var result = DotnetProcess.Run(Repository.Root, TimeSpan.FromMinutes(2), "msbuild", project, "-p:_IsPacking=true", "-getProperty:HostNetLintNativeTool");
        Assert.That(result.ExitCode, Is.Zero, result.Output);
        return result.Output.Trim();
    }

    /// <summary>
    /// Installs HostNetLint.Tool from the package folder <paramref name="source"/> as pre-commit does
    /// (<c>dotnet tool install --tool-path</c>) into <c>bin-NAME</c> under <paramref name="directory"/>, and returns the
    /// installed command. Only that folder is a source, and the package cache is a fresh <c>nuget-NAME</c>, so NuGet
    /// cannot take an earlier package of the same version from anywhere else.
    /// </summary>
    public static string InstallTool(string directory, string source, string name)
    {
        var bin = Path.Combine(directory, $"bin-{name}");
        var result = DotnetProcess.Run(directory, Timeout, new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(directory, $"nuget-{name}") },
            "tool", "install", "--configfile", IsolatedNuGetConfig(directory), "--tool-path", bin, "--add-source", source, "HostNetLint.Tool");
        Assert.That(result.ExitCode, Is.Zero, result.Output);
        return Path.Combine(bin, "hostnetlint");
    }

    /// <summary>The installed <paramref name="command"/> runs and reports the sample deployment's HNL1001.</summary>
    public static void AssertReportsTheSample(string command)
    {
        var check = ChildProcess.Run(command, Repository.SampleDeployment, ["check", "airflow/docker-compose.yaml"]);
        Assert.Multiple(() =>
        {
            Assert.That(check.ExitCode, Is.EqualTo(1), check.Output);
            Assert.That(check.Output, Does.Contain("airflow/docker-compose.yaml(25,3): error HNL1001: Workload 'airflow-webserver'"));
        });
    }

    /// <summary>A NuGet configuration without sources, so an install sees only the <c>--add-source</c> folder.</summary>
    private static string IsolatedNuGetConfig(string directory)
    {
        var config = Path.Combine(directory, "nuget.config");
        File.WriteAllText(config, "<?xml version=\"1.0\" encoding=\"utf-8\"?><configuration><packageSources><clear /></packageSources></configuration>");
        return config;
    }

    public static bool IsElf(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        using var file = File.OpenRead(path);
        return file.ReadAtLeast(magic, 4, throwOnEndOfStream: false) == 4 && magic.SequenceEqual("\u007fELF"u8);
    }

    /// <summary>
    /// The start-up layout of the Linux Native AOT binary (README "Benchmarks", AOT start-up): a fixed-address executable
    /// (ELF type EXEC, not position-independent) whose type data is stored as is, with no section of dehydrated data
    /// for the runtime to rebuild at every start.
    /// </summary>
    public static bool HasStartUpLayout(string path)
    {
        var image = File.ReadAllBytes(path);
        const ushort executableType = 2;
        return image.Length > 18
            && System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(image.AsSpan(16, 2)) == executableType
            && image.AsSpan().IndexOf(".hydrated"u8) < 0;
    }

    public static string Git(string directory, params string[] arguments)
    {
        var result = ChildProcess.Run("git", directory, arguments);
        Assert.That(result.ExitCode, Is.Zero, $"git {string.Join(' ', arguments)}: {result.Output}");
        return result.Output;
    }
}
