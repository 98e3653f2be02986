using System.Collections.Immutable;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Fixes;

/// <summary>
/// What fix-all did to one file: its text as read, its text after every accepted pass, the rules that
/// changed it, and why a pass was refused (the file keeps the last text that parsed).
/// </summary>
public sealed record FileFix(string Path, string FullPath, SourceText Original, string NewText, int EditCount, ImmutableArray<string> RuleIds, string? RefusedReason)
{
    public bool IsChanged => !string.Equals(Original.Text, NewText, StringComparison.Ordinal);

    /// <summary>The bytes to write: same encoding and byte-order mark as the original.</summary>
    public byte[] NewBytes() => Original.EncodeLikeOriginal(NewText);
}
