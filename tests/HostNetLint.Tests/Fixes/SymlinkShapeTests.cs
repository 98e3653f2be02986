using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Fixes;

/// <summary>
/// Every shape of symbolic link we could think of, through <c>check</c> and <c>fix</c>: the file outside the root
/// is never read (its finding is HNL0001 or HNL0004 at the link) and, after <c>fix</c>, everything outside the root is
/// byte-identical and nothing was created there.
/// </summary>
[TestFixture]
public sealed class SymlinkShapeTests
{
    private const string Fixable = "version: '3'\nservices:\n  web:\n    image: nginx\n";

    public static IEnumerable<TestCaseData> Shapes()
    {
        TestCaseData Case(string name, Action<string, string> arrange, params string[] expected) =>
            new TestCaseData(arrange, expected).SetName(name);

        yield return Case(
            "A file link through a directory link",
            (root, _) =>
            {
                Link(root, "d", "../outside");
                Link(root, "docker-compose.yml", "d/docker-compose.yml");
            },
            "docker-compose.yml(1,1): error HNL0001: The file could not be read: it is reached through a symbolic link and lies outside the linted root");
        yield return Case(
            "include of a file behind a directory link",
            (root, _) =>
            {
                Link(root, "d", "../outside");
                Write(root, "compose.yaml", "include: [d/docker-compose.yml]\nservices:\n  app:\n    image: app\n");
            },
            "compose.yaml(1,11): warning HNL0004: 'd/docker-compose.yml' is outside the linted root");
        yield return Case(
            "include of a file link that goes through a directory link",
            (root, _) =>
            {
                Link(root, "d", "../outside");
                Link(root, "inc.yml", "d/docker-compose.yml");
                Write(root, "compose.yaml", "include: [inc.yml]\nservices:\n  app:\n    image: app\n");
            },
            "compose.yaml(1,11): warning HNL0004: 'inc.yml' is outside the linted root");
        yield return Case(
            "A chain of relative file links that ends outside",
            (root, _) =>
            {
                Link(root, "compose.yaml", "a.yml");
                Link(root, "a.yml", "sub/b.yml");
                Link(root, "sub/b.yml", "../../outside/docker-compose.yml");
            },
            "compose.yaml(1,1): error HNL0001: The file could not be read: it is reached through a symbolic link and lies outside the linted root");
        yield return Case(
            "An absolute file link",
            (root, outside) => Link(root, "compose.yaml", Path.Combine(outside, "docker-compose.yml")),
            "compose.yaml(1,1): error HNL0001");
        yield return Case(
            "A directory link in the middle of an include path",
            (root, _) =>
            {
                Link(root, "sub/x", "../../outside");
                Write(root, "compose.yaml", "include: [sub/x/docker-compose.yml]\nservices:\n  app:\n    image: app\n");
            },
            "compose.yaml(1,11): warning HNL0004: 'sub/x/docker-compose.yml' is outside the linted root");
        yield return Case(
            "extends through a directory link",
            (root, _) =>
            {
                Link(root, "d", "../outside");
                Write(root, "compose.yaml", "services:\n  app:\n    extends:\n      file: d/docker-compose.yml\n      service: web\n");
            },
            "warning HNL0004: 'd/docker-compose.yml' is outside the linted root");
        yield return Case(
            "env_file through a directory link",
            (root, _) =>
            {
                Link(root, "d", "../outside");
                Write(root, "compose.yaml", "services:\n  app:\n    image: app\n    env_file: d/app.env\n");
            },
            "warning HNL0004: 'd/app.env' is outside the linted root");
        yield return Case(
            "An Exec line whose install path maps through a directory link",
            (root, _) =>
            {
                Link(root, "app", "../outside");
                Write(root, "hostnetlint.yaml", "pathMappings:\n  /opt/app: app\n");
                Write(root, "deploy/app.service", "[Service]\nExecStart=/usr/bin/podman-compose -f /opt/app/docker-compose.yml up\n");
            },
            "which is outside the linted root");
        yield return Case(
            "A link loop named like a compose file and included",
            (root, _) =>
            {
                Link(root, "compose.yaml", "loop1.yml");
                Link(root, "loop1.yml", "loop2.yml");
                Link(root, "loop2.yml", "loop1.yml");
                Write(root, "app/compose.yaml", "include: [../loop1.yml]\nservices:\n  app:\n    image: app\n");
            },
            "app/compose.yaml(1,11): warning HNL0004: '../loop1.yml'");
        yield return Case(
            "A dangling link that points outside, named and included",
            (root, _) =>
            {
                Link(root, "compose.yaml", "../outside/created-by-a-write.yml");
                Write(root, "app/compose.yaml", "include: [../compose.yaml]\nservices:\n  app:\n    image: app\n");
            },
            "app/compose.yaml(1,11): warning HNL0004: '../compose.yaml' is outside the linted root");
        yield return Case(
            "A relative path that climbs out of the root",
            (root, _) => Write(root, "compose.yaml", "include: [../outside/docker-compose.yml]\nservices:\n  app:\n    image: app\n"),
            "compose.yaml(1,11): warning HNL0004: '../outside/docker-compose.yml' is outside the linted root");
    }

    [TestCaseSource(nameof(Shapes))]
    public void Nothing_outside_the_root_is_read_or_written(Action<string, string> arrange, string[] expected)
    {
        HostileFileSystem.RequireUnix();
        using var temp = new TempDirectory();
        var (root, outside) = Layout(temp);
        arrange(root, outside);
        Write(root, "good/compose.yaml", Fixable);
        var before = HostileFileSystem.Snapshot(outside);
        var beside = Directory.GetFileSystemEntries(temp.Path).Order(StringComparer.Ordinal).ToList();

        var (_, check, _) = HostileFileSystem.Cli(root, "check");
        foreach (var fragment in expected)
        {
            Assert.That(check, Does.Contain(fragment));
        }

        Assert.That(check, Does.Not.Contain("outside/docker-compose.yml(").And.Not.Contain("error HNL1"));

        var (_, fix, _) = HostileFileSystem.Cli(root, "fix");
        Assert.Multiple(() =>
        {
            Assert.That(fix, Does.Contain("fixed good/compose.yaml: 1 edit (HNL3001)"), "the well-formed file is still fixed");
            Assert.That(HostileFileSystem.Snapshot(outside), Is.EqualTo(before), "everything outside the root is byte-identical");
            Assert.That(Directory.GetFileSystemEntries(temp.Path).Order(StringComparer.Ordinal), Is.EqualTo(beside), "nothing was created beside the root");
        });
    }

    [Test]
    public void A_root_that_is_itself_a_link_is_fixed_in_its_real_directory_and_links_out_of_it_are_refused()
    {
        HostileFileSystem.RequireUnix();
        using var temp = new TempDirectory();
        var (real, outside) = Layout(temp);
        var root = Link(temp.Path, "root-link", real);
        Write(real, "compose.yaml", Fixable);
        Link(real, "escape/compose.yaml", "../../outside/docker-compose.yml");
        var before = HostileFileSystem.Snapshot(outside);

        var (_, fix, _) = HostileFileSystem.Cli(root, "fix");
        Assert.Multiple(() =>
        {
            Assert.That(fix, Does.Contain("fixed compose.yaml: 1 edit (HNL3001)"));
            Assert.That(fix, Does.Contain("escape/compose.yaml(1,1): error HNL0001"));
            Assert.That(File.ReadAllText(Path.Combine(real, "compose.yaml")), Does.Not.Contain("version"));
            Assert.That(new FileInfo(root).LinkTarget, Is.EqualTo(real));
            Assert.That(HostileFileSystem.Snapshot(outside), Is.EqualTo(before));
        });
    }

    [Test]
    public void Links_that_stay_inside_the_root_are_read_and_written_through_and_stay_links()
    {
        HostileFileSystem.RequireUnix();
        using var temp = new TempDirectory();
        var (root, _) = Layout(temp);
        Write(root, "real/app/compose.yaml", Fixable);
        Write(root, "real/lib/base.yml", Fixable);
        Link(root, "compose.yaml", "real/app/compose.yaml");
        Link(root, "lib", "real/lib");
        Write(root, "other/compose.yaml", "include: [../lib/base.yml]\nservices:\n  app:\n    image: app\n");

        var (_, fix, _) = HostileFileSystem.Cli(root, "fix");
        Assert.Multiple(() =>
        {
            Assert.That(fix, Does.Contain("fixed compose.yaml: 1 edit (HNL3001)"));
            Assert.That(fix, Does.Contain("fixed lib/base.yml: 1 edit (HNL3001)"));
            Assert.That(File.ReadAllText(Path.Combine(root, "real", "app", "compose.yaml")), Does.Not.Contain("version"));
            Assert.That(File.ReadAllText(Path.Combine(root, "real", "lib", "base.yml")), Does.Not.Contain("version"));
            Assert.That(new FileInfo(Path.Combine(root, "compose.yaml")).LinkTarget, Is.EqualTo("real/app/compose.yaml"));
            Assert.That(new DirectoryInfo(Path.Combine(root, "lib")).LinkTarget, Is.EqualTo("real/lib"));
        });
    }

    private static (string Root, string Outside) Layout(TempDirectory temp)
    {
        var root = Directory.CreateDirectory(Path.Combine(temp.Path, "root")).FullName;
        var outside = Directory.CreateDirectory(Path.Combine(temp.Path, "outside")).FullName;
        Write(outside, "docker-compose.yml", Fixable.Replace("web", "secret", StringComparison.Ordinal) + "    ports: ['80:80']\n    network_mode: host\n");
        Write(outside, "app.env", "SECRET=1\n");
        return (root, outside);
    }

    private static string Write(string directory, string relative, string text)
    {
        var path = Path.Combine(directory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Link(string directory, string relative, string target) => HostileFileSystem.Link(Path.Combine(directory, relative), target);
}
