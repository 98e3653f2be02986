using HostNetLint.Fixes;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Fixes;

/// <summary>Runs fix-all over files in a temporary directory and returns the fixed texts (nothing is written).</summary>
internal static class FixRunner
{
    /// <summary>Fix-all of one file named <paramref name="path"/>; returns its text afterwards (unchanged when nothing applies).</summary>
    public static string FixText(string text, string path = "compose.yaml", FixOptions? options = null)
    {
        using var temp = new TempDirectory();
        temp.Write(path, text);
        var result = FixAllEngine.Run(temp.Path, [], options ?? FixOptions.Default);
        return result.Files.FirstOrDefault(f => f.Path == path)?.NewText ?? text;
    }

    public static FixAllResult Fix(TempDirectory temp, FixOptions? options = null) => FixAllEngine.Run(temp.Path, [], options ?? FixOptions.Default);
}
