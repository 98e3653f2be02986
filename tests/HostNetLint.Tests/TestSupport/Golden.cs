using System.Text;

namespace HostNetLint.Tests.TestSupport;

/// <summary>
/// Golden files under tests/golden/: the exact bytes a report format writes for a fixed input. A test compares the
/// output with the file byte for byte; with <see cref="UpdateVariable"/>=1 it rewrites the file instead (then review
/// the diff before committing it).
/// </summary>
public static class Golden
{
    public const string UpdateVariable = "HOSTNETLINT_UPDATE_GOLDEN";

    public static string Directory => Path.Combine(Repository.Root, "tests", "golden");

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    public static string PathOf(string relativePath) => Path.Combine(Directory, relativePath);

    /// <summary>The golden file's text (UTF-8).</summary>
    public static string Read(string relativePath) => File.ReadAllText(PathOf(relativePath), new UTF8Encoding(false));

    /// <summary>Asserts that <paramref name="actual"/>, encoded as UTF-8 without a byte-order mark, is the golden file's bytes.</summary>
    public static void Verify(string relativePath, string actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        var path = PathOf(relativePath);
        var bytes = new UTF8Encoding(false).GetBytes(actual);
        if (Updating)
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (!File.Exists(path) || !File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
            {
                File.WriteAllBytes(path, bytes);
                TestContext.Out.WriteLine($"Rewrote tests/golden/{relativePath}.");
            }

            return;
        }

        Assert.That(File.Exists(path), Is.True, $"tests/golden/{relativePath} is missing; run with {UpdateVariable}=1 to write it, then review it.");
        var expected = File.ReadAllBytes(path);
        if (!expected.AsSpan().SequenceEqual(bytes))
        {
            // Show the text for a readable diff; the comparison itself is on bytes.
            Assert.That(actual, Is.EqualTo(Encoding.UTF8.GetString(expected)), $"tests/golden/{relativePath} differs (rerun with {UpdateVariable}=1 to rewrite it, then review the diff)");
            Assert.That(bytes, Is.EqualTo(expected), $"tests/golden/{relativePath} differs in its bytes");
        }
    }
}
