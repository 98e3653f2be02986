using HostNetLint.Model.Workloads;

namespace HostNetLint.Tests.Model;

public class ShellWordsTests
{
    [TestCase("webserver", new[] { "webserver" })]
    [TestCase("  a   b\tc ", new[] { "a", "b", "c" })]
    [TestCase("sh -c 'echo hi; exit 1'", new[] { "sh", "-c", "echo hi; exit 1" })]
    [TestCase("echo \"a \\\"b\\\" c\"", new[] { "echo", "a \"b\" c" })]
    [TestCase("a\\ b c", new[] { "a b", "c" })]
    [TestCase("x'y'\"z\"", new[] { "xyz" })]
    [TestCase("'unterminated quote", new[] { "unterminated quote" })]
    [TestCase("\"unterminated", new[] { "unterminated" })]
    [TestCase("''", new[] { "" })]
    [TestCase("", new string[0])]
    public void Splits_like_a_shell(string input, string[] expected)
    {
        Assert.That(ShellWords.Split(input).Select(w => w.Text), Is.EqualTo(expected));
    }

    [Test]
    public void Words_know_where_they_are_written()
    {
        var words = ShellWords.Split("run --bind 'a b'");
        Assert.That(words.Select(w => (w.Start, w.End)), Is.EqualTo(new[] { (0, 3), (4, 10), (11, 16) }));
    }
}
