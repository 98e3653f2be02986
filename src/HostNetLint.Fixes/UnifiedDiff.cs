using System.Text;

namespace HostNetLint.Fixes;

/// <summary>
/// A unified diff of two texts that <c>git apply</c> accepts: <c>diff --git</c> header, <c>a/</c> and <c>b/</c>
/// paths, hunks with three lines of context, each line written with its own line break (CRLF stays CRLF) and
/// <c>\ No newline at end of file</c> after a last line without one.
/// </summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    // Above this many cells the middle is diffed as one replaced block: still a correct patch, just coarser.
    private const long MaxTableCells = 16_000_000;

    private enum Op
    {
        Equal,
        Delete,
        Insert,
    }

    /// <summary>The diff, or an empty string when the texts are equal.</summary>
    /// <param name="path">The path relative to where <c>git apply</c> runs, with forward slashes.</param>
    public static string Create(string path, string oldText, string newText)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        if (oldText == newText)
        {
            return string.Empty;
        }

        var a = SplitLines(oldText);
        var b = SplitLines(newText);
        var script = Diff(a, b);
        var output = new StringBuilder();
        output.Append("diff --git a/").Append(path).Append(" b/").Append(path).Append('\n');
        output.Append("--- a/").Append(path).Append('\n');
        output.Append("+++ b/").Append(path).Append('\n');
        foreach (var (start, end) in Hunks(script))
        {
            WriteHunk(output, script, start, end);
        }

        return output.ToString();
    }

    /// <summary>Lines with their line breaks (<c>\n</c>, <c>\r\n</c> or a lone <c>\r</c>); the last may have none.</summary>
    internal static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }

    /// <summary>An edit script: every line of <paramref name="a"/> and <paramref name="b"/> once, in order (LCS on the differing middle).</summary>
    private static List<(Op Op, string Line, int OldLine, int NewLine)> Diff(List<string> a, List<string> b)
    {
        var prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[a.Count - 1 - suffix] == b[b.Count - 1 - suffix])
        {
            suffix++;
        }

        var n = a.Count - prefix - suffix;
        var m = b.Count - prefix - suffix;
        var script = new List<(Op, string, int, int)>();
        for (var i = 0; i < prefix; i++)
        {
            script.Add((Op.Equal, a[i], i, i));
        }

        if ((long)(n + 1) * (m + 1) > MaxTableCells)
        {
            for (var i = 0; i < n; i++)
            {
                script.Add((Op.Delete, a[prefix + i], prefix + i, prefix));
            }

            for (var j = 0; j < m; j++)
            {
                script.Add((Op.Insert, b[prefix + j], prefix + n, prefix + j));
            }
        }
        else
        {
            // lcs[i, j]: length of the longest common subsequence of a[prefix+i..] and b[prefix+j..].
            var lcs = new int[n + 1, m + 1];
            for (var i = n - 1; i >= 0; i--)
            {
                for (var j = m - 1; j >= 0; j--)
                {
                    lcs[i, j] = a[prefix + i] == b[prefix + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
                }
            }

            int x = 0, y = 0;
            while (x < n || y < m)
            {
                if (x < n && y < m && a[prefix + x] == b[prefix + y])
                {
                    script.Add((Op.Equal, a[prefix + x], prefix + x, prefix + y));
                    x++;
                    y++;
                }
                else if (x < n && (y == m || lcs[x + 1, y] >= lcs[x, y + 1]))
                {
                    // Deletions before insertions, as diff and git print them.
                    script.Add((Op.Delete, a[prefix + x], prefix + x, prefix + y));
                    x++;
                }
                else
                {
                    script.Add((Op.Insert, b[prefix + y], prefix + x, prefix + y));
                    y++;
                }
            }
        }

        for (var i = 0; i < suffix; i++)
        {
            script.Add((Op.Equal, a[a.Count - suffix + i], a.Count - suffix + i, b.Count - suffix + i));
        }

        return script;
    }

    /// <summary>
    /// Ranges of the script to print: each change with up to three lines of context on both sides; changes whose
    /// contexts touch or overlap share one hunk.
    /// </summary>
    private static List<(int Start, int End)> Hunks(List<(Op Op, string Line, int OldLine, int NewLine)> script)
    {
        var hunks = new List<(int Start, int End)>();
        for (var i = 0; i < script.Count; i++)
        {
            if (script[i].Op == Op.Equal)
            {
                continue;
            }

            var end = Math.Min(script.Count, i + 1 + Context);
            if (hunks.Count > 0 && i - Context <= hunks[^1].End)
            {
                hunks[^1] = (hunks[^1].Start, end);
            }
            else
            {
                hunks.Add((Math.Max(0, i - Context), end));
            }
        }

        return hunks;
    }

    private static void WriteHunk(StringBuilder output, List<(Op Op, string Line, int OldLine, int NewLine)> script, int start, int end)
    {
        var oldCount = 0;
        var newCount = 0;
        for (var i = start; i < end; i++)
        {
            oldCount += script[i].Op == Op.Insert ? 0 : 1;
            newCount += script[i].Op == Op.Delete ? 0 : 1;
        }

        // Unified diff numbers lines from 1; an empty side names the line before it (0 at the top).
        var oldStart = oldCount == 0 ? script[start].OldLine : script[start].OldLine + 1;
        var newStart = newCount == 0 ? script[start].NewLine : script[start].NewLine + 1;
        output.Append("@@ -").Append(oldStart).Append(',').Append(oldCount)
            .Append(" +").Append(newStart).Append(',').Append(newCount).Append(" @@\n");
        for (var i = start; i < end; i++)
        {
            var (op, line, _, _) = script[i];
            output.Append(op switch { Op.Delete => '-', Op.Insert => '+', _ => ' ' }).Append(line);
            if (!line.EndsWith('\n') && !line.EndsWith('\r'))
            {
                output.Append("\n\\ No newline at end of file\n");
            }
        }
    }
}
