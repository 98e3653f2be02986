using System.Text;
using HostNetLint.Fuzz;

namespace HostNetLint.Tests.Fuzz;

/// <summary>The multi-file input format of the model and fix fuzz targets: mutated names never leave the scratch directory.</summary>
[TestFixture]
public sealed class BundleTests
{
    [Test]
    public void Input_without_headers_is_one_compose_file()
    {
        var files = Bundle.Split("services: {}\n"u8);
        Assert.That(files.Select(f => (f.Name, Encoding.UTF8.GetString(f.Content))), Is.EqualTo(new[] { ("compose.yaml", "services: {}\n") }));
    }

    [Test]
    public void Headers_split_files_and_the_last_file_keeps_its_missing_final_newline()
    {
        var files = Bundle.Split("==> a.service <==\n[Unit]\n==> d/b.conf <==\r\nx\n==> compose.yaml <==\nservices: {}"u8);
        Assert.That(
            files.Select(f => (f.Name, Encoding.UTF8.GetString(f.Content))),
            Is.EqualTo(new[] { ("a.service", "[Unit]\n"), ("d/b.conf", "x\n"), ("compose.yaml", "services: {}") }));
    }

    [TestCase("../outside.yaml")]
    [TestCase("/etc/passwd")]
    [TestCase("a/../../b")]
    [TestCase("a/b/c.conf")]
    [TestCase("..")]
    [TestCase("a//b")]
    [TestCase("sp ace.yaml")]
    public void Unsafe_names_are_dropped(string name)
    {
        var input = Encoding.UTF8.GetBytes($"==> {name} <==\nx\n==> ok.yaml <==\ny\n");
        Assert.That(Bundle.Split(input).Select(f => f.Name), Is.EqualTo(new[] { "ok.yaml" }));
    }

    [Test]
    public void A_repeated_name_keeps_the_first_file_and_at_most_eight_files_are_read()
    {
        var input = Bundle.Join(Enumerable.Range(0, 12).Select(i => ($"f{i % 10}.yaml", $"{i}\n")));
        var files = Bundle.Split(input);
        Assert.Multiple(() =>
        {
            Assert.That(files.Select(f => f.Name), Is.EqualTo(Enumerable.Range(0, 8).Select(i => $"f{i}.yaml")));
            Assert.That(Encoding.UTF8.GetString(files[0].Content), Is.EqualTo("0\n"));
        });
    }
}
