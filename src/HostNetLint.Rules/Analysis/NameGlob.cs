namespace HostNetLint.Rules.Analysis;

/// <summary>Shell-style name globs (<c>*</c>, <c>?</c>), case-insensitive, for workload and image names.</summary>
public static class NameGlob
{
    public static bool IsMatch(string glob, string name)
    {
        ArgumentNullException.ThrowIfNull(glob);
        ArgumentNullException.ThrowIfNull(name);

        // Iterative matcher with one backtrack point: linear in practice, no regex compilation per call.
        int g = 0, n = 0, star = -1, resume = 0;
        while (n < name.Length)
        {
            if (g < glob.Length && (glob[g] == '?' || char.ToLowerInvariant(glob[g]) == char.ToLowerInvariant(name[n])))
            {
                g++;
                n++;
            }
            else if (g < glob.Length && glob[g] == '*')
            {
                star = g++;
                resume = n;
            }
            else if (star >= 0)
            {
                g = star + 1;
                n = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (g < glob.Length && glob[g] == '*')
        {
            g++;
        }

        return g == glob.Length;
    }

    public static bool IsMatchAny(IEnumerable<string> globs, string name) => globs.Any(glob => IsMatch(glob, name));
}
