using HostNetLint.Parsing.IO;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Parsing.IO;

[TestFixture]
public sealed class RealPathTests
{
    [Test]
    public void Every_link_on_the_path_is_resolved_directories_included()
    {
        HostileFileSystem.RequireUnix();
        using var temp = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(temp.Path, "outside"));
        HostileFileSystem.Link(Path.Combine(temp.Path, "root", "d"), "../outside");
        HostileFileSystem.Link(Path.Combine(temp.Path, "root", "docker-compose.yml"), "d/docker-compose.yml");
        Assert.That(RealPath.Resolve(Path.Combine(temp.Path, "root", "docker-compose.yml")), Is.EqualTo(Path.Combine(RealPath.Resolve(temp.Path)!, "outside", "docker-compose.yml")));
    }

    [Test]
    public void Dot_dot_in_a_link_target_steps_out_of_the_real_directory()
    {
        HostileFileSystem.RequireUnix();
        using var temp = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(temp.Path, "a", "b", "c"));
        HostileFileSystem.Link(Path.Combine(temp.Path, "root", "deep"), Path.Combine(temp.Path, "a", "b", "c"));
        HostileFileSystem.Link(Path.Combine(temp.Path, "root", "up"), "deep/../x.yml");
        Assert.That(RealPath.Resolve(Path.Combine(temp.Path, "root", "up")), Is.EqualTo(Path.Combine(RealPath.Resolve(temp.Path)!, "a", "b", "x.yml")));
    }

    [Test]
    public void Chains_absolute_targets_and_dangling_links_resolve_to_where_they_point()
    {
        HostileFileSystem.RequireUnix();
        using var temp = new TempDirectory();
        HostileFileSystem.Link(Path.Combine(temp.Path, "a"), "b");
        HostileFileSystem.Link(Path.Combine(temp.Path, "b"), Path.Combine(temp.Path, "c"));
        HostileFileSystem.Link(Path.Combine(temp.Path, "c"), "/nowhere/at/all.yml");
        Assert.That(RealPath.Resolve(Path.Combine(temp.Path, "a")), Is.EqualTo("/nowhere/at/all.yml"));
    }

    [Test]
    public void A_loop_resolves_to_nothing_instead_of_going_round()
    {
        HostileFileSystem.RequireUnix();
        using var temp = new TempDirectory();
        HostileFileSystem.Link(Path.Combine(temp.Path, "a"), "b");
        HostileFileSystem.Link(Path.Combine(temp.Path, "b"), "a");
        HostileFileSystem.Link(Path.Combine(temp.Path, "self"), "self/x");
        Assert.Multiple(() =>
        {
            Assert.That(HostileFileSystem.WithinHangGuard(() => RealPath.Resolve(Path.Combine(temp.Path, "a"))), Is.Null);
            Assert.That(HostileFileSystem.WithinHangGuard(() => RealPath.Resolve(Path.Combine(temp.Path, "self", "y"))), Is.Null);
        });
    }

    [Test]
    public void A_path_without_links_is_itself_and_containment_is_by_whole_segments()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("a/b.yml", "x");
        Assert.Multiple(() =>
        {
            Assert.That(RealPath.Resolve(file), Is.EqualTo(RealPath.Resolve(temp.Path) + "/a/b.yml"));
            Assert.That(RealPath.IsUnder("/srv/app", "/srv/app/x"), Is.True);
            Assert.That(RealPath.IsUnder("/srv/app", "/srv/app"), Is.True);
            Assert.That(RealPath.IsUnder("/srv/app", "/srv/application/x"), Is.False);
            Assert.That(RealPath.IsUnder("/", "/srv"), Is.True);
        });
    }
}
