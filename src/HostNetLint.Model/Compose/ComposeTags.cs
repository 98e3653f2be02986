namespace HostNetLint.Model.Compose;

/// <summary>The compose-specific YAML tags that steer merging.</summary>
internal static class ComposeTags
{
    /// <summary>Removes the inherited value.</summary>
    public const string Reset = "!reset";

    /// <summary>Replaces the inherited value instead of merging with it.</summary>
    public const string Override = "!override";
}
