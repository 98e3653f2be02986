using System.Collections.Immutable;

namespace HostNetLint.Hosting;

/// <summary>
/// The files whose findings a run reports and fixes: those the user named, and everything under a named directory.
/// The model still reads whatever they need (the compose file a unit starts, includes, env files, overrides);
/// findings in those are context, not the user's question. pre-commit passes only staged files, so a hook neither
/// fails on nor rewrites a file nobody touched.
/// </summary>
public sealed class ReportScope
{
    private readonly ImmutableHashSet<string> named;

    private ReportScope(ImmutableHashSet<string> named) => this.named = named;

    /// <summary>Every file the run reads, including files outside the root reached through references.</summary>
    public static ReportScope Everything { get; } = new(ImmutableHashSet<string>.Empty);

    public bool IsEverything => named.IsEmpty;

    /// <summary>The scope of <paramref name="paths"/> (full paths) under <paramref name="root"/>; naming the root (or nothing) is everything.</summary>
    public static ReportScope Of(string root, IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(paths);
        var named = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/').TrimEnd('/');
            if (relative == ".")
            {
                return Everything;
            }

            named.Add(relative);
        }

        return named.Count == 0 ? Everything : new ReportScope(named.ToImmutable());
    }

    /// <summary>
    /// True when the root-relative <paramref name="path"/> of a document or finding is named or under a named
    /// directory: one lookup per leading segment, however many paths were named.
    /// </summary>
    public bool Contains(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (named.IsEmpty)
        {
            return true;
        }

        for (var end = path.IndexOf('/'); end >= 0; end = path.IndexOf('/', end + 1))
        {
            if (named.Contains(path[..end]))
            {
                return true;
            }
        }

        return named.Contains(path);
    }
}
