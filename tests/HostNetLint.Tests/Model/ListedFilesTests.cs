using HostNetLint.Model;
using HostNetLint.Model.Loading;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Model;

/// <summary>
/// What the walk's listing answers in place of the file system (whether a file exists, whether it is a link): the
/// same as the file system, for every kind of entry.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class ListedFilesTests
{
    [Test]
    public void A_listed_directory_says_what_File_Exists_says_of_every_kind_of_entry()
    {
        HostileFileSystem.RequireUnix();
        using var tree = new TempTree();
        var (loader, listing, root) = Listed(tree);
        var directory = listing.Single(d => d.Path == root);
        string[] names = ["plain.yaml", "Upper.yaml", "upper.yaml", "link-to-file.yaml", "dangling.yaml", "link-to-directory", "sub", "missing.yaml", ".env"];
        Assert.Multiple(() =>
        {
            foreach (var name in names)
            {
                var path = Path.Combine(root, name);
                Assert.That(loader.FileExists(path), Is.EqualTo(File.Exists(path)), name);
            }

            Assert.That(directory.HoldsFile(Path.Combine(root, "plain.yaml")), Is.True);
            Assert.That(directory.HoldsFile(Path.Combine(root, "dangling.yaml")), Is.True, "File.Exists accepts a dangling link");
            Assert.That(directory.HoldsFile(Path.Combine(root, "missing.yaml")), Is.False, "answered without the file system");
            Assert.That(directory.HoldsFile(Path.Combine(root, "link-to-directory")), Is.False);
            Assert.That(directory.HoldsFile(Path.Combine(root, "upper.yaml")), Is.Null, "a case-insensitive file system would find Upper.yaml");
            Assert.That(directory.Links, Is.EqualTo(new[] { Path.Combine(root, "dangling.yaml"), Path.Combine(root, "link-to-file.yaml") }));
            Assert.That(listing.Select(d => Path.GetFileName(d.Path)), Does.Not.Contain("link-to-directory"), "a link to a directory is not walked");
        });
    }

    [Test]
    public void A_link_in_a_listed_directory_is_still_followed_to_see_whether_it_leaves_the_root()
    {
        HostileFileSystem.RequireUnix();
        using var tree = new TempTree();
        using var outside = new TempTree();
        var secret = outside.Write("secret.yaml", "services: {}\n");
        tree.Write("sub/plain.yaml", "services: {}\n");
        File.CreateSymbolicLink(Path.Combine(tree.Root, "sub", "escape.yaml"), secret);
        Directory.CreateSymbolicLink(Path.Combine(tree.Root, "sub", "out"), outside.Root);
        var (loader, _, root) = Listed(tree);
        Assert.Multiple(() =>
        {
            Assert.That(loader.IsInsideRoot(Path.Combine(root, "sub", "plain.yaml")), Is.True);
            Assert.That(loader.IsInsideRoot(Path.Combine(root, "sub", "escape.yaml")), Is.False);
            Assert.That(loader.IsInsideRoot(Path.Combine(root, "sub", "out", "secret.yaml")), Is.False);
        });
    }

    [Test]
    public void A_root_reached_through_a_link_lists_its_files_at_their_real_place()
    {
        HostileFileSystem.RequireUnix();
        using var tree = new TempTree();
        tree.Write("real/sub/compose.yaml", "services: {}\n");
        var linkedRoot = Path.Combine(tree.Root, "linked");
        Directory.CreateSymbolicLink(linkedRoot, Path.Combine(tree.Root, "real"));
        var loader = new FileLoader(linkedRoot, ModelOptions.Default);
        loader.AddListing(new DirectoryWalker(loader, ModelOptions.Default).List(linkedRoot));
        Assert.Multiple(() =>
        {
            Assert.That(loader.IsInsideRoot(Path.Combine(linkedRoot, "sub", "compose.yaml")), Is.True);
            Assert.That(loader.FileExists(Path.Combine(linkedRoot, "sub", "compose.yaml")), Is.True);
            Assert.That(loader.FileExists(Path.Combine(linkedRoot, "sub", "docker-compose.yml")), Is.False);
        });
    }

    private static (FileLoader Loader, IReadOnlyList<WalkedDirectory> Listing, string Root) Listed(TempTree tree)
    {
        tree.Write("plain.yaml", "services: {}\n");
        tree.Write("Upper.yaml", "services: {}\n");
        tree.Write(".env", "A=1\n");
        tree.Write("sub/compose.yaml", "services: {}\n");
        File.CreateSymbolicLink(Path.Combine(tree.Root, "link-to-file.yaml"), Path.Combine(tree.Root, "plain.yaml"));
        File.CreateSymbolicLink(Path.Combine(tree.Root, "dangling.yaml"), Path.Combine(tree.Root, "nowhere.yaml"));
        Directory.CreateSymbolicLink(Path.Combine(tree.Root, "link-to-directory"), Path.Combine(tree.Root, "sub"));
        var root = FileLoader.Normalize(tree.Root);
        var loader = new FileLoader(root, ModelOptions.Default);
        var listing = new DirectoryWalker(loader, ModelOptions.Default).List(root);
        loader.AddListing(listing);
        return (loader, listing, root);
    }
}
