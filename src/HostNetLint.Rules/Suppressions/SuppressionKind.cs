namespace HostNetLint.Rules.Suppressions;

/// <summary>The forms of an inline suppression comment.</summary>
public enum SuppressionKind
{
    /// <summary><c>hostnetlint-disable-next-line</c>: the next line that is not blank or a comment.</summary>
    NextLine,

    /// <summary><c>hostnetlint-disable-line</c>: the line the comment ends.</summary>
    Line,

    /// <summary><c>hostnetlint-disable-file</c>: the whole file.</summary>
    File,

    /// <summary><c>hostnetlint-disable</c>: from the comment to the matching <c>hostnetlint-enable</c> or the end of the file.</summary>
    Disable,

    /// <summary><c>hostnetlint-enable</c>: closes a <see cref="Disable"/> block.</summary>
    Enable,
}
