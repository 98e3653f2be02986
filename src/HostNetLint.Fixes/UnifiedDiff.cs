using System.Text;
using DiffPlex;

namespace HostNetLint.Fixes;

/// <summary>
/// A unified diff of two texts that <c>git apply</c> accepts: <c>diff --git</c> header, <c>a/</c> and <c>b/</c>
/// paths (C-quoted with octal escapes when they hold a control character, a quote, a backslash or a non-ASCII byte,
/// as git quotes them), hunks with three lines of context, each line written with its own line break (CRLF stays
/// CRLF) and <c>\ No newline at end of file</c> after a last line without one. Lines end at LF only, as git's do: a
/// lone CR (a CR-only file, or one CR inside a line) is an ordinary character of its line. The line matching is
/// DiffPlex's (Myers' O(ND) algorithm, so a large file with a few edits costs little); the hunks are written here.
/// </summary>
public static class UnifiedDiff
{
    private const int Context = 3;

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

        var script = Diff(Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, GitLines.Instance));
        var (oldName, newName) = (GitQuote("a/" + path), GitQuote("b/" + path));

        // git ends a ---/+++ name that contains a space with a tab, so patch(1) knows where the name stops.
        var tab = path.Contains(' ', StringComparison.Ordinal) ? "\t" : string.Empty;
        var output = new StringBuilder();
        output.Append("diff --git ").Append(oldName).Append(' ').Append(newName).Append('\n');
        output.Append("--- ").Append(oldName).Append(tab).Append('\n');
        output.Append("+++ ").Append(newName).Append(tab).Append('\n');
        foreach (var (start, end) in Hunks(script))
        {
            WriteHunk(output, script, start, end);
        }

        return output.ToString();
    }

    /// <summary>
    /// A path as git writes it in a patch (<c>quote_c_style</c> with <c>core.quotePath</c> on): unchanged when every byte is
    /// printable ASCII other than <c>"</c> and <c>\</c>; else in double quotes, with <c>\a \b \t \n \v \f \r \" \\</c> and
    /// three-digit octal escapes for the other bytes of its UTF-8 form.
    /// </summary>
    public static string GitQuote(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bytes = Encoding.UTF8.GetBytes(path);
        if (!bytes.Any(NeedsQuote))
        {
            return path;
        }

        var quoted = new StringBuilder("\"");
        foreach (var b in bytes)
        {
            switch (b)
            {
                case 0x07: quoted.Append("\\a"); break;
                case 0x08: quoted.Append("\\b"); break;
                case 0x09: quoted.Append("\\t"); break;
                case 0x0A: quoted.Append("\\n"); break;
                case 0x0B: quoted.Append("\\v"); break;
                case 0x0C: quoted.Append("\\f"); break;
                case 0x0D: quoted.Append("\\r"); break;
                case (byte)'"': quoted.Append("\\\""); break;
                case (byte)'\\': quoted.Append("\\\\"); break;
                default:
                    if (NeedsQuote(b))
                    {
                        quoted.Append('\\').Append(Convert.ToString(b, 8).PadLeft(3, '0'));
                    }
                    else
                    {
                        quoted.Append((char)b);
                    }

                    break;
            }
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>Lines with their line breaks (<c>\n</c>, so also <c>\r\n</c>); the last may have none. A lone <c>\r</c> does not end a line, for git.</summary>
    public static List<string> SplitLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<string>();
        var start = 0;
        for (var i = text.IndexOf('\n', StringComparison.Ordinal); i >= 0; i = text.IndexOf('\n', start))
        {
            lines.Add(text[start..(i + 1)]);
            start = i + 1;
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }

    private static bool NeedsQuote(byte b) => b < 0x20 || b >= 0x7F || b == (byte)'"' || b == (byte)'\\';

    /// <summary>The edit script of DiffPlex's blocks: every old and new line once, in order, deletions before insertions.</summary>
    private static List<(Op Op, string Line, int OldLine, int NewLine)> Diff(DiffPlex.Model.DiffResult result)
    {
        var (a, b) = (result.PiecesOld, result.PiecesNew);
        var script = new List<(Op, string, int, int)>(a.Count + b.Count);
        int x = 0, y = 0;
        foreach (var block in result.DiffBlocks)
        {
            for (; x < block.DeleteStartA; x++, y++)
            {
                script.Add((Op.Equal, a[x], x, y));
            }

            for (var end = x + block.DeleteCountA; x < end; x++)
            {
                script.Add((Op.Delete, a[x], x, y));
            }

            for (var end = y + block.InsertCountB; y < end; y++)
            {
                script.Add((Op.Insert, b[y], x, y));
            }
        }

        for (; x < a.Count; x++, y++)
        {
            script.Add((Op.Equal, a[x], x, y));
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
            if (!line.EndsWith('\n'))
            {
                output.Append("\n\\ No newline at end of file\n");
            }
        }
    }

    /// <summary>Splits for DiffPlex the way git does (<see cref="SplitLines"/>): DiffPlex compares the pieces, git decides what a line is.</summary>
    private sealed class GitLines : IChunker
    {
        public static readonly GitLines Instance = new();

        public IReadOnlyList<string> Chunk(string text) => SplitLines(text);
    }
}
