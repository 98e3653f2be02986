using System.Diagnostics;
using HostNetLint.Model;
using HostNetLint.Model.Loading;

namespace HostNetLint.Tests.Model;

/// <summary>gitignore(5) semantics, pattern by pattern and across nested files.</summary>
public class GitIgnoreTests
{
    [TestCase("*.env", "secrets.env", false, true)]
    [TestCase("*.env", "deploy/prod/secrets.env", false, true)]
    [TestCase("*.env", "secrets.env.example", false, false)]
    [TestCase("secrets.env", "a/b/secrets.env", false, true)]
    [TestCase("/secrets.env", "secrets.env", false, true)]
    [TestCase("/secrets.env", "a/secrets.env", false, false)]
    [TestCase("deploy/*.env", "deploy/a.env", false, true)]
    [TestCase("deploy/*.env", "deploy/x/a.env", false, false)]
    [TestCase("deploy/*.env", "other/deploy/a.env", false, false)]
    [TestCase("**/prod/*.env", "prod/a.env", false, true)]
    [TestCase("**/prod/*.env", "x/y/prod/a.env", false, true)]
    [TestCase("a/**/b", "a/b", false, true)]
    [TestCase("a/**/b", "a/x/y/b", false, true)]
    [TestCase("a/**/b", "a/xb", false, false)]
    [TestCase("secrets/**", "secrets/x/y.env", false, true)]
    [TestCase("secrets/", "secrets", true, true)]
    [TestCase("secrets/", "secrets", false, false)]
    [TestCase("?.env", "a.env", false, true)]
    [TestCase("?.env", "ab.env", false, false)]
    [TestCase("[abc].env", "b.env", false, true)]
    [TestCase("[!abc].env", "b.env", false, false)]
    [TestCase("[a-c].env", "c.env", false, true)]
    [TestCase("\\#x", "#x", false, true)]
    [TestCase("\\!x", "!x", false, true)]
    [TestCase("x\\ ", "x ", false, true)]
    [TestCase("x  ", "x", false, true)]
    [TestCase("[unclosed", "[unclosed", false, true)]
    public void Pattern_matches_like_git(string pattern, string path, bool isDirectory, bool expected)
    {
        var compiled = GitIgnorePattern.Parse(pattern);
        Assert.That(compiled!.Matches(path, isDirectory), Is.EqualTo(expected));
    }

    [TestCase("")]
    [TestCase("# comment")]
    [TestCase("   ")]
    [TestCase("/")]
    public void Blank_lines_and_comments_are_no_patterns(string line) => Assert.That(GitIgnorePattern.Parse(line), Is.Null);

    [Test]
    public void Negation_directories_and_nested_files_decide_like_git()
    {
        using var tree = new TempTree();
        tree.Write(".gitignore", "*.env\n!keep.env\nsecrets/\n/build\n");
        tree.Write("app/.gitignore", "!local.env\n");
        tree.Write("app/compose.yaml", "services: {}\n");
        var rules = new GitIgnoreRules(new FileLoader(tree.Root, ModelOptions.Default));
        string? Match(string relative) => rules.Match(Path.Combine(tree.Root, relative))?.Pattern.Text;
        Assert.Multiple(() =>
        {
            Assert.That(Match("a.env"), Is.EqualTo("*.env"));
            Assert.That(Match("keep.env"), Is.Null);
            Assert.That(Match("app/local.env"), Is.Null, "a deeper .gitignore wins");
            Assert.That(Match("app/other.env"), Is.EqualTo("*.env"));
            Assert.That(Match("secrets/keep.env"), Is.EqualTo("secrets/"), "a file in an ignored directory cannot be re-included");
            Assert.That(Match("x/secrets/a.txt"), Is.EqualTo("secrets/"));
            Assert.That(Match("build/a.txt"), Is.EqualTo("/build"));
            Assert.That(Match("app/build/a.txt"), Is.Null, "an anchored pattern matches only at its own level");
            Assert.That(Match("app/compose.yaml"), Is.Null);
        });
    }

    [Test]
    public void The_repository_exclude_file_counts_and_gitignore_files_override_it()
    {
        using var tree = new TempTree();
        tree.Write(".git/info/exclude", "*.local\nshared.env\n");
        tree.Write(".gitignore", "!shared.env\n");
        var rules = new GitIgnoreRules(new FileLoader(tree.Root, ModelOptions.Default));
        Assert.Multiple(() =>
        {
            Assert.That(rules.Match(Path.Combine(tree.Root, "x.local"))?.File, Is.EqualTo(".git/info/exclude"));
            Assert.That(rules.Match(Path.Combine(tree.Root, "shared.env")), Is.Null);
        });
    }

    [Test]
    public void Many_stars_against_a_long_name_stay_linear()
    {
        var pattern = GitIgnorePattern.Parse(string.Concat(Enumerable.Repeat("*a", 200)) + "b")!;
        var watch = Stopwatch.StartNew();
        Assert.That(pattern.Matches(new string('a', 5_000), isDirectory: false), Is.False);
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "hang guard only");
    }
}
