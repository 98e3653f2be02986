using HostNetLint.Parsing.Globs;

namespace HostNetLint.Hosting.Configuration;

/// <summary>
/// An EditorConfig section glob: <c>*</c> (not <c>/</c>), <c>**</c> (anything; <c>**/</c> also matches no
/// directory), <c>?</c>, <c>[seq]</c>, <c>[!seq]</c>, <c>{a,b}</c> (nested too), <c>{n..m}</c> and <c>\</c>
/// escapes (<see cref="GlobSyntax.EditorConfig"/>). A glob without <c>/</c> matches a file name at any depth below
/// the <c>.editorconfig</c>; one with <c>/</c> is relative to its directory (a leading <c>/</c> is dropped). The
/// syntax is the shared linear-time <see cref="Glob"/>; only this anchoring rule is EditorConfig's own.
/// </summary>
public sealed class EditorConfigGlob
{
    private readonly Glob glob;

    private EditorConfigGlob(Glob glob) => this.glob = glob;

    /// <summary>Compiles <paramref name="glob"/>; what is not glob syntax is literal text.</summary>
    public static EditorConfigGlob Create(string glob)
    {
        ArgumentNullException.ThrowIfNull(glob);
        var body = glob.StartsWith('/') ? glob[1..] : glob;

        // Without a separator the glob names files at any depth: the same as "**/" before it.
        return new EditorConfigGlob(Glob.Compile(ContainsSeparator(glob) ? body : "**/" + body, GlobSyntax.EditorConfig));
    }

    /// <summary>True when <paramref name="relativePath"/> (forward slashes, relative to the .editorconfig's directory) matches.</summary>
    public bool IsMatch(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        return glob.IsMatch(relativePath);
    }

    private static bool ContainsSeparator(string glob)
    {
        var inBrackets = false;
        for (var i = 0; i < glob.Length; i++)
        {
            switch (glob[i])
            {
                case '\\': i++; break;
                case '[': inBrackets = true; break;
                case ']': inBrackets = false; break;
                case '/' when !inBrackets: return true;
            }
        }

        return false;
    }
}
