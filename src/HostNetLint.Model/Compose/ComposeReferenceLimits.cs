namespace HostNetLint.Model.Compose;

internal static class ComposeReferenceLimits
{
    /// <summary>extends/include chains longer than this are cycles or abuse; compose's own limits are similar in spirit.</summary>
    public const int MaxDepth = 32;
}
