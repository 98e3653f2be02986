using HostNetLint.Fixes;
using HostNetLint.Parsing.IO;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Fixes;

[TestFixture]
public sealed class AtomicFileWriterTests
{
    [Test]
    public void Writes_the_bytes_keeps_the_mode_and_leaves_no_temporary_file()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("compose.yaml", "old\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead);
        }

        byte[] bytes = [0xEF, 0xBB, 0xBF, (byte)'n', (byte)'\r', (byte)'\n'];
        Assert.That(AtomicFileWriter.Write(temp.Path, path, bytes, "old\n"u8.ToArray()), Is.Null);
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllBytes(path), Is.EqualTo(bytes));
            Assert.That(Directory.GetFiles(temp.Path), Has.Length.EqualTo(1));
            if (!OperatingSystem.IsWindows())
            {
                Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead));
            }
        });
    }

    [Test]
    public void The_write_is_a_rename_so_the_original_inode_is_replaced_not_truncated()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("compose.yaml", "old\n");
        // A reader that opened the old file keeps reading the old content: nothing writes into it.
        using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        Assert.That(AtomicFileWriter.Write(temp.Path, path, "new content\n"u8.ToArray()), Is.Null);
        using var streamReader = new StreamReader(reader);
        Assert.Multiple(() =>
        {
            Assert.That(streamReader.ReadToEnd(), Is.EqualTo("old\n"));
            Assert.That(File.ReadAllText(path), Is.EqualTo("new content\n"));
        });
    }

    [Test]
    public void A_file_changed_since_it_was_read_is_not_overwritten()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("compose.yaml", "changed\n");
        Assert.That(AtomicFileWriter.Write(temp.Path, path, "new\n"u8.ToArray(), "old\n"u8.ToArray()), Does.Contain("changed on disk"));
        Assert.That(File.ReadAllText(path), Is.EqualTo("changed\n"));
    }

    [Test]
    public void A_symlink_pointing_outside_the_root_is_not_followed()
    {
        using var outside = new TempDirectory();
        using var root = new TempDirectory();
        var target = outside.Write("compose.yaml", "old\n");
        var link = Path.Combine(root.Path, "compose.yaml");
        File.CreateSymbolicLink(link, target);

        Assert.That(AtomicFileWriter.Write(root.Path, link, "new\n"u8.ToArray()), Does.Contain("outside the linted root"));
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(target), Is.EqualTo("old\n"));
            Assert.That(new FileInfo(link).LinkTarget, Is.EqualTo(target));
        });
    }

    [Test]
    public void A_directory_symlink_pointing_outside_the_root_is_not_followed()
    {
        using var outside = new TempDirectory();
        using var root = new TempDirectory();
        var target = outside.Write("compose.yaml", "old\n");
        Directory.CreateSymbolicLink(Path.Combine(root.Path, "airflow"), outside.Path);

        Assert.That(AtomicFileWriter.Write(root.Path, Path.Combine(root.Path, "airflow", "compose.yaml"), "new\n"u8.ToArray()), Is.Not.Null);
        Assert.That(File.ReadAllText(target), Is.EqualTo("old\n"));
    }

    [Test]
    public void A_symlink_inside_the_root_is_written_through_and_stays_a_link()
    {
        using var root = new TempDirectory();
        var target = root.Write("real/compose.yaml", "old\n");
        var link = Path.Combine(root.Path, "compose.yaml");
        File.CreateSymbolicLink(link, target);

        Assert.That(AtomicFileWriter.Write(root.Path, link, "new\n"u8.ToArray()), Is.Null);
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(target), Is.EqualTo("new\n"));
            Assert.That(new FileInfo(link).LinkTarget, Is.Not.Null);
        });
    }

    [Test]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void The_owner_and_group_are_kept_as_well_as_the_mode()
    {
        HostileFileSystem.RequireUnix();
        using var temp = new TempDirectory();
        var path = temp.Write("compose.yaml", "old\n");
        var chown = ChildProcess.Run("chown", temp.Path, ["1234:5678", path]);
        if (chown.ExitCode != 0)
        {
            Assert.Ignore($"chown to another user needs root: {chown.Output}");
        }

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite);
        Assert.That(AtomicFileWriter.Write(temp.Path, path, "new\n"u8.ToArray(), "old\n"u8.ToArray()), Is.Null);
        var status = BoundedFileReader.Read(path, 100).Status!;
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(path), Is.EqualTo("new\n"));
            Assert.That((status.Owner, status.Group), Is.EqualTo(((uint?)1234, (uint?)5678)));
            Assert.That(status.Mode, Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite));
            Assert.That(Directory.GetFiles(temp.Path), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public void A_hard_linked_file_is_refused_and_both_names_keep_the_old_content()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("compose.yaml", "old\n");
        var other = Path.Combine(temp.Path, "copy.yaml");
        HostileFileSystem.HardLink(other, path);

        var failure = AtomicFileWriter.Write(temp.Path, path, "new\n"u8.ToArray(), "old\n"u8.ToArray());
        Assert.Multiple(() =>
        {
            Assert.That(failure, Is.EqualTo("it has 2 hard links; replacing it would split it from the others and writing in place would not be atomic, so it was left as it is"));
            Assert.That(File.ReadAllText(path), Is.EqualTo("old\n"));
            Assert.That(File.ReadAllText(other), Is.EqualTo("old\n"));
            Assert.That(Directory.GetFiles(temp.Path), Has.Length.EqualTo(2));
        });
    }

    [Test]
    public void A_FIFO_put_in_place_of_the_file_is_not_read_back_or_replaced()
    {
        HostileFileSystem.RequireUnix();
        using var temp = new TempDirectory();
        var fifo = HostileFileSystem.MakeFifo(Path.Combine(temp.Path, "compose.yaml"));
        var failure = HostileFileSystem.WithinHangGuard(() => AtomicFileWriter.Write(temp.Path, fifo, "new\n"u8.ToArray(), "old\n"u8.ToArray()));
        Assert.That(failure, Is.EqualTo("it could not be read back (it is a FIFO (named pipe), not a regular file)"));
        Assert.That(Directory.GetFileSystemEntries(temp.Path), Has.Length.EqualTo(1));
    }
}
