namespace HostNetLint.Rules.Analysis;

/// <summary>
/// "Did you mean": the one known key closest to a misspelled one. Keys are compared with <c>-</c> read as <c>_</c> and
/// letters folded to lower case (<c>network-mode</c>, <c>Network_Mode</c> are <c>network_mode</c>), then by optimal string
/// alignment distance (insertions, deletions, substitutions and swaps of neighbours: <c>netwrok_mode</c> is one swap away).
/// A suggestion needs a distance of at most a quarter of the known key's length (at least 1, at most 3) and no other key
/// as close. Each comparison is banded by that cutoff, so a suggestion costs a constant per known key, whatever the input.
/// </summary>
public sealed class KeySuggestions
{
    /// <summary>Longer keys are not compared: no known key is near that long, and the band keeps the work bounded anyway.</summary>
    private const int MaxKeyLength = 64;

    private const int MaxDistance = 3;

    private readonly (string Key, string Folded)[] candidates;

    public KeySuggestions(IEnumerable<string> knownKeys)
    {
        ArgumentNullException.ThrowIfNull(knownKeys);
        candidates = [.. knownKeys.Select(k => (k, Fold(k)))];
    }

    /// <summary>The known key <paramref name="key"/> most likely means, or null when none is close or two are equally close.</summary>
    public string? Suggest(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0 || key.Length > MaxKeyLength)
        {
            return null;
        }

        var folded = Fold(key);
        string? best = null;
        var bestDistance = int.MaxValue;
        var tie = false;
        foreach (var (candidate, candidateFolded) in candidates)
        {
            var cutoff = Cutoff(candidate);
            if (Distance(folded, candidateFolded, cutoff) is not { } distance)
            {
                continue;
            }

            if (distance < bestDistance)
            {
                (best, bestDistance, tie) = (candidate, distance, false);
            }
            else if (distance == bestDistance)
            {
                tie = true;
            }
        }

        return tie ? null : best;
    }

    /// <summary>How far from <paramref name="candidate"/> a key may be and still mean it.</summary>
    public static int Cutoff(string candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return Math.Clamp(candidate.Length / 4, 1, MaxDistance);
    }

    /// <summary>
    /// The optimal string alignment distance between <paramref name="a"/> and <paramref name="b"/> when it is at most
    /// <paramref name="cutoff"/>, else null. Only cells within <paramref name="cutoff"/> of the diagonal are computed.
    /// </summary>
    public static int? Distance(string a, string b, int cutoff)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (Math.Abs(a.Length - b.Length) > cutoff)
        {
            return null;
        }

        // Three rows of the dynamic programme (two back, for swaps); cells outside the band count as "too far".
        var tooFar = cutoff + 1;
        var width = b.Length + 1;
        var previous2 = new int[width];
        var previous = new int[width];
        var current = new int[width];
        for (var j = 0; j < width; j++)
        {
            previous[j] = j <= cutoff ? j : tooFar;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            Array.Fill(current, tooFar);
            current[0] = i <= cutoff ? i : tooFar;
            var rowBest = current[0];
            for (var j = Math.Max(1, i - cutoff); j <= Math.Min(b.Length, i + cutoff); j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = Math.Min(value, tooFar);
                rowBest = Math.Min(rowBest, current[j]);
            }

            if (rowBest > cutoff)
            {
                return null;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length] <= cutoff ? previous[b.Length] : null;
    }

    private static string Fold(string key) => key.Replace('-', '_').ToLowerInvariant();
}
