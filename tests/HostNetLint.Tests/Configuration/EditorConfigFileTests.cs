using HostNetLint.Hosting.Configuration;

namespace HostNetLint.Tests.Configuration;

[TestFixture]
public sealed class EditorConfigFileTests
{
    [Test]
    public void Comments_with_hash_and_semicolon_are_skipped_and_a_value_keeps_a_later_hash()
    {
        var file = EditorConfigFile.Parse("# top\n; also\n[*.yaml]\n# dotnet_diagnostic.HNL1001.severity = none\nkey = a # not a comment\n", "/repo");
        Assert.That(file.Sections.Single().Properties, Is.EqualTo(new Dictionary<string, string> { ["key"] = "a # not a comment" }));
    }

    [Test]
    public void Keys_are_case_insensitive_and_quotes_around_values_are_dropped()
    {
        var file = EditorConfigFile.Parse("[*]\nDotNet_Diagnostic.HNL1002.Severity = \"Error\"\nother='x'\n", "/repo");
        Assert.That(file.Sections.Single().Properties, Is.EqualTo(new Dictionary<string, string> { ["dotnet_diagnostic.hnl1002.severity"] = "Error", ["other"] = "x" }));
    }

    [Test]
    public void Root_is_read_from_the_preamble_only()
    {
        Assert.Multiple(() =>
        {
            Assert.That(EditorConfigFile.Parse("root = TRUE\n[*]\n", "/r").IsRoot, Is.True);
            Assert.That(EditorConfigFile.Parse("[*]\nroot = true\n", "/r").IsRoot, Is.False);
        });
    }

    [Test]
    public void Sections_keep_braces_and_double_stars_and_later_pairs_win()
    {
        var file = EditorConfigFile.Parse("[*.{yml,yaml}]\na = 1\na = 2\n[**/airflow/*.service]\nb = 3\n", "C:\\repo\\");
        Assert.Multiple(() =>
        {
            Assert.That(file.Directory, Is.EqualTo("C:/repo"));
            Assert.That(file.Sections.Select(s => s.Glob), Is.EqualTo(new[] { "*.{yml,yaml}", "**/airflow/*.service" }));
            Assert.That(file.Sections[0].Properties["a"], Is.EqualTo("2"));
        });
    }

    [Test]
    public void Garbage_lines_are_ignored_without_throwing()
    {
        var file = EditorConfigFile.Parse("[unclosed\n= novalue\nnoequals\n[*]\n\uFEFFk=v\r\n", "/r");
        Assert.That(file.Sections.Single().Properties["k"], Is.EqualTo("v"));
    }
}
