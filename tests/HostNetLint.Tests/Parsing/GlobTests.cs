using HostNetLint.Model;
using HostNetLint.Parsing.Globs;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Parsing;

/// <summary>
/// The one glob engine of exclude globs, name globs and .editorconfig sections: its semantics per dialect, and
/// hostile patterns that a backtracking matcher needs minutes or a stack overflow for, under hang guards.
/// </summary>
[TestFixture]
public sealed class GlobTests
{
    [TestCase("*.yml", "compose.yml", true)]
    [TestCase("*.yml", "a/compose.yml", false)]
    [TestCase("a/*/c", "a/b/c", true)]
    [TestCase("a/*/c", "a/b/x/c", false)]
    [TestCase("a/**/c", "a/c", true)]
    [TestCase("a/**/c", "a/b/x/c", true)]
    [TestCase("a/**", "a/b/x/c", true)]
    [TestCase("**", "a/b", true)]
    [TestCase("?.yml", "a.yml", true)]
    [TestCase("?.yml", "/.yml", false)]
    [TestCase("[ab].yml", "[ab].yml", true)]
    [TestCase("{a,b}.yml", "{a,b}.yml", true)]
    [TestCase("{a,b}.yml", "a.yml", false)]
    [TestCase("a\\*", "a\\*", true)]
    public void Path_globs_know_stars_and_question_marks_only(string pattern, string path, bool expected) =>
        Assert.That(Glob.Compile(pattern, GlobSyntax.Path).IsMatch(path), Is.EqualTo(expected));

    [TestCase("airflow-*", "Airflow-Webserver", true)]
    [TestCase("*web*", "airflow-webserver", true)]
    [TestCase("a?c", "ABC", true)]
    [TestCase("a*", "a/b", true)]
    [TestCase("quay.io/*", "quay.io/org/image:1", true)]
    [TestCase("db", "db2", false)]
    [TestCase("[db]", "d", false)]
    public void Name_globs_are_case_insensitive_and_know_no_separator(string pattern, string name, bool expected) =>
        Assert.That(Glob.Compile(pattern, GlobSyntax.Name).IsMatch(name), Is.EqualTo(expected));

    [TestCase("node{1..3}", "node1", true)]
    [TestCase("node{1..3}", "node3", true)]
    [TestCase("node{1..3}", "node007", false)]
    [TestCase("node{1..10}", "node007", true)]
    [TestCase("node{3..1}", "node2", true)]
    [TestCase("n{-5..-2}", "n-3", true)]
    [TestCase("n{-5..-2}", "n-1", false)]
    [TestCase("n{-5..-2}", "n3", false)]
    [TestCase("n{0..5}", "n-0", true)]
    [TestCase("n{0..5}", "n+5", true)]
    [TestCase("n{0..5}", "n+", false)]
    [TestCase("n{0..5}", "n", false)]
    [TestCase("n{1..3}{1..3}", "n13", true)]
    [TestCase("n{1..3}{1..3}", "n14", false)]
    [TestCase("n{-9223372036854775808..9223372036854775807}", "n-9223372036854775808", true)]
    [TestCase("n{-9223372036854775808..9223372036854775807}", "n9223372036854775808", false)]
    [TestCase("n{0..99999999999999999999}", "n1", false)]
    [TestCase("n{1..x}", "n{1..x}", true)]
    [TestCase("n{1..2}x", "n12x", false)]
    public void Numeric_ranges_match_an_integer_in_range_any_way_it_can(string pattern, string path, bool expected) =>
        Assert.That(Glob.Compile(pattern, GlobSyntax.EditorConfig).IsMatch(path), Is.EqualTo(expected));

    [TestCase("[a-c-e]", "-", true)]
    [TestCase("[a-c-e]", "d", false)]
    [TestCase("[-a]", "-", true)]
    [TestCase("[!a]", "/", false)]
    [TestCase("[^a]", "b", true)]
    [TestCase("[a/b]", "[a/b]", true)]
    [TestCase("{a,b\\,c}", "b,c", true)]
    [TestCase("\\{a,b}", "{a,b}", true)]
    [TestCase("{a,{b,{c,d}}}", "d", true)]
    [TestCase("{}", "{}", true)]
    [TestCase("{,x}", "", true)]
    public void EditorConfig_classes_braces_and_escapes(string pattern, string path, bool expected) =>
        Assert.That(Glob.Compile(pattern, GlobSyntax.EditorConfig).IsMatch(path), Is.EqualTo(expected));

    public static IEnumerable<TestCaseData> HostilePatterns()
    {
        var stars = string.Concat(Enumerable.Repeat("*a", 40)) + "*b";
        yield return new TestCaseData(stars, GlobSyntax.Path, new string('a', 20_000), false).SetName("*a*a*…*b over 20,000 a (path)");
        yield return new TestCaseData(stars, GlobSyntax.Path, new string('a', 20_000) + "b", true).SetName("*a*a*…*b over 20,000 a and a b (path)");
        yield return new TestCaseData(stars, GlobSyntax.Name, new string('A', 20_000), false).SetName("*a*a*…*b over 20,000 A (name)");
        yield return new TestCaseData(stars, GlobSyntax.EditorConfig, new string('a', 20_000), false).SetName("*a*a*…*b over 20,000 a (editorconfig)");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("**/a/", 40)) + "b", GlobSyntax.Path, string.Join('/', Enumerable.Repeat("a", 5_000)), false).SetName("**/a/ forty times over 5,000 directories");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("?*", 500)), GlobSyntax.Name, new string('x', 20_000), true).SetName("?*?*… over 20,000 characters");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("{a,aa}", 200)) + "b", GlobSyntax.EditorConfig, new string('a', 400), false).SetName("{a,aa} two hundred times (2^200 ways)");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("{0..2147483647}", 100)), GlobSyntax.EditorConfig, new string('1', 20_000), false).SetName("a hundred numeric ranges over 20,000 digits");
        yield return new TestCaseData(new string('{', 100_000) + "a" + new string('}', 100_000), GlobSyntax.EditorConfig, "a", false).SetName("braces nested 100,000 deep");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("[a-z]*", 300)) + "!", GlobSyntax.EditorConfig, new string('q', 20_000), false).SetName("[a-z]* three hundred times");
    }

    [TestCaseSource(nameof(HostilePatterns))]
    public void Hostile_patterns_match_in_linear_time(string pattern, GlobSyntax syntax, string input, bool expected)
    {
        var matched = HostileFileSystem.WithinHangGuard(() => Glob.Compile(pattern, syntax).IsMatch(input));
        Assert.That(matched, Is.EqualTo(expected));
    }

    [Test]
    public void A_hostile_exclude_glob_neither_stalls_the_walk_nor_stops_excluding()
    {
        using var temp = new TempDirectory();
        var excluded = new string('a', 250) + "b";
        temp.Write($"{excluded}/compose.yaml", "services:\n  web:\n    image: x\n");
        temp.Write($"{new string('a', 250)}/compose.yaml", "services:\n  web:\n    image: x\n");
        var options = ModelOptions.Default with { Exclude = [string.Concat(Enumerable.Repeat("*a", 30)) + "*b"] };
        var model = HostileFileSystem.WithinHangGuard(() => DeploymentModelBuilder.Build(temp.Path, [], options));
        Assert.That(model.Documents.Select(d => d.Path), Is.EqualTo(new[] { $"{new string('a', 250)}/compose.yaml" }));
    }
}
