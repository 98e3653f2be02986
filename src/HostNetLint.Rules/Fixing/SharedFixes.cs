using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Rules.Fixing;

/// <summary>
/// What the fixes of several findings share (a rule's caches of anchors it has looked at), made when the first of those
/// fixes is asked for. Fixes are made lazily and may be asked for from several threads (a language server), so they use
/// it one at a time.
/// </summary>
public sealed class SharedFixes<T>(Func<T> create)
    where T : class
{
    // Made under the gate rather than by Lazy<T>, whose type parameter trimming annotates (IL2091 under Native AOT).
    private readonly Lock gate = new();
    private T? shared;

    /// <summary>The offer <paramref name="make"/> builds from the shared state.</summary>
    public FixOffer Make(Func<T, FixOffer> make)
    {
        ArgumentNullException.ThrowIfNull(make);
        lock (gate)
        {
            shared ??= create();
            return make(shared);
        }
    }
}
