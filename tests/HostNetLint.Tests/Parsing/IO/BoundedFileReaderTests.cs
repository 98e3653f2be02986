using HostNetLint.Parsing.IO;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Parsing.IO;

[TestFixture]
public sealed class BoundedFileReaderTests
{
    [Test]
    public void A_regular_file_is_read_whole_with_its_status()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("compose.yaml", "services: {}\n");
        var result = BoundedFileReader.Read(path, 1024);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(FileReadOutcome.Read));
            Assert.That(result.Bytes, Is.EqualTo("services: {}\n"u8.ToArray()));
            Assert.That(result.Status!.Kind, Is.EqualTo(FileKind.Regular));
            Assert.That(result.Status.Size, Is.EqualTo(13));
            Assert.That(result.Status.LinkCount, Is.EqualTo(1));
        });
    }

    [Test]
    public void A_FIFO_is_refused_at_once_instead_of_waiting_for_a_writer()
    {
        HostileFileSystem.RequireUnix();
        using var temp = new TempDirectory();
        var fifo = HostileFileSystem.MakeFifo(Path.Combine(temp.Path, "docker-compose.yml"));
        var result = HostileFileSystem.WithinHangGuard(() => BoundedFileReader.Read(fifo, 1024));
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(FileReadOutcome.NotRegular));
            Assert.That(result.Reason, Is.EqualTo("it is a FIFO (named pipe), not a regular file"));
            Assert.That(result.Bytes, Is.Empty);
        });
    }

    [Test]
    public void An_endless_device_is_refused_without_reading_it()
    {
        HostileFileSystem.RequireUnix();
        using var temp = new TempDirectory();
        var link = HostileFileSystem.Link(Path.Combine(temp.Path, "compose.yaml"), "/dev/zero");
        var result = HostileFileSystem.WithinHangGuard(() => BoundedFileReader.Read(link, 8 * 1024 * 1024));
        Assert.That(result.Outcome, Is.EqualTo(FileReadOutcome.NotRegular));
        Assert.That(result.Reason, Is.EqualTo("it is a character device, not a regular file"));
    }

    [Test]
    public void A_directory_is_refused()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(temp.Path, "compose.yaml"));
        var result = BoundedFileReader.Read(Path.Combine(temp.Path, "compose.yaml"), 1024);
        Assert.That(result.Outcome, Is.EqualTo(OperatingSystem.IsLinux() ? FileReadOutcome.NotRegular : FileReadOutcome.Failed));
    }

    [Test]
    public void A_file_over_the_limit_is_refused_from_its_size_before_reading()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("compose.yaml", new string('#', 101));
        var result = BoundedFileReader.Read(path, 100);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(FileReadOutcome.TooLarge));
            Assert.That(result.Reason, Is.EqualTo("it is 101 bytes, over the limit of 100"));
            Assert.That(result.Status!.Size, Is.EqualTo(101));
        });

        Assert.That(BoundedFileReader.Read(path, 101).Bytes, Has.Length.EqualTo(101));
    }

    [Test]
    public void A_file_that_claims_to_be_empty_is_still_read_only_to_the_limit()
    {
        // procfs files report size 0 and produce content when read: the bound cannot trust the size.
        if (!File.Exists("/proc/self/maps"))
        {
            Assert.Ignore("needs Linux procfs");
        }

        var small = BoundedFileReader.Read("/proc/self/maps", 10);
        var whole = BoundedFileReader.Read("/proc/self/maps", 64 * 1024 * 1024);
        Assert.Multiple(() =>
        {
            Assert.That(small.Status!.Size, Is.Zero);
            Assert.That(small.Outcome, Is.EqualTo(FileReadOutcome.TooLarge));
            Assert.That(small.Reason, Is.EqualTo("it has more than 10 bytes, the limit"));
            Assert.That(whole.Outcome, Is.EqualTo(FileReadOutcome.Read));
            Assert.That(whole.Bytes, Has.Length.GreaterThan(10));
        });
    }

    [Test]
    public void A_missing_file_or_a_path_with_NUL_fails_with_a_reason()
    {
        using var temp = new TempDirectory();
        var missing = BoundedFileReader.Read(Path.Combine(temp.Path, "missing.yaml"), 100);
        var nul = BoundedFileReader.Read(Path.Combine(temp.Path, "a\0b"), 100);
        Assert.Multiple(() =>
        {
            Assert.That(missing.Outcome, Is.EqualTo(FileReadOutcome.Failed));
            Assert.That(missing.Reason, Does.Contain("No such file").IgnoreCase.Or.Contain("could not find").IgnoreCase);
            Assert.That(nul.Outcome, Is.EqualTo(FileReadOutcome.Failed));
            Assert.That(nul.Reason, Is.EqualTo("the path contains a NUL character"));
        });
    }

    [Test]
    public void Owner_group_and_link_count_come_from_the_open_descriptor()
    {
        HostileFileSystem.RequireUnix();
        using var temp = new TempDirectory();
        var path = temp.Write("a.service", "[Service]\n");
        HostileFileSystem.HardLink(Path.Combine(temp.Path, "b.service"), path);
        var result = BoundedFileReader.Read(path, 100);
        Assert.Multiple(() =>
        {
            Assert.That(result.Status!.LinkCount, Is.EqualTo(2));
            Assert.That(result.Status.Owner, Is.Not.Null);
            Assert.That(result.Status.Group, Is.Not.Null);
        });
    }
}
