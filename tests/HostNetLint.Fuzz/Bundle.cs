using System.Text;

namespace HostNetLint.Fuzz;

/// <summary>
/// The input of the model and fix targets: a single compose file, or several files in the multi-file format of
/// <c>head</c> (a line <c>==&gt; NAME &lt;==</c> before each file), so one input can hold a unit and the compose
/// file it starts. Names are restricted to a plain file name or one folder and a file name (drop-ins), so a mutated
/// name can never point outside the scratch directory.
/// </summary>
public static class Bundle
{
    /// <summary>The name of an input without headers.</summary>
    public const string SingleFileName = "compose.yaml";

    /// <summary>Files beyond this many are dropped: more files add run time, not new behaviour.</summary>
    public const int MaxFiles = 8;

    private const int MaxNameLength = 100;

    private static ReadOnlySpan<byte> HeaderStart => "==> "u8;

    private static ReadOnlySpan<byte> HeaderEnd => " <=="u8;

    /// <summary>The files of <paramref name="input"/> in order; a later file of the same name, or one with an unsafe name, is dropped.</summary>
    public static IReadOnlyList<(string Name, byte[] Content)> Split(ReadOnlySpan<byte> input)
    {
        if (!input.StartsWith(HeaderStart))
        {
            return [(SingleFileName, input.ToArray())];
        }

        var files = new List<(string, byte[])>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var folders = new HashSet<string>(StringComparer.Ordinal);
        string? name = null;
        var contentStart = 0;
        var lineStart = 0;
        while (true)
        {
            var length = input[lineStart..].IndexOf((byte)'\n');
            var lineEnd = length < 0 ? input.Length : lineStart + length;
            if (HeaderName(input[lineStart..lineEnd]) is { } header)
            {
                Add(name, input[contentStart..lineStart]);
                name = header;
                contentStart = Math.Min(lineEnd + 1, input.Length);
            }

            if (lineEnd == input.Length)
            {
                break;
            }

            lineStart = lineEnd + 1;
        }

        Add(name, input[contentStart..]);
        return files;

        void Add(string? fileName, ReadOnlySpan<byte> content)
        {
            // A name that is a folder of another file (`compose.yaml` after `compose.yaml/10-order.conf`, or the other
            // way round) cannot be written beside it; the later one is dropped (found by fuzzing the harness itself).
            var folder = fileName?.IndexOf('/', StringComparison.Ordinal) is > 0 and var slash ? fileName[..slash] : null;
            if (fileName is not null && IsSafeName(fileName) && files.Count < MaxFiles
                && !folders.Contains(fileName) && (folder is null || !names.Contains(folder)) && names.Add(fileName))
            {
                files.Add((fileName, content.ToArray()));
                if (folder is not null)
                {
                    folders.Add(folder);
                }
            }
        }
    }

    /// <summary>Writes the files of <paramref name="input"/> under <paramref name="root"/>.</summary>
    public static IReadOnlyList<(string Name, byte[] Content)> WriteTo(string root, ReadOnlySpan<byte> input)
    {
        var files = Split(input);
        foreach (var (name, content) in files)
        {
            var path = Path.Combine(root, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, content);
        }

        return files;
    }

    /// <summary>The bytes of a bundle holding <paramref name="files"/> (for tests and seed writing).</summary>
    public static byte[] Join(IEnumerable<(string Name, string Content)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var builder = new StringBuilder();
        foreach (var (name, content) in files)
        {
            builder.Append("==> ").Append(name).Append(" <==\n").Append(content);
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private static string? HeaderName(ReadOnlySpan<byte> line)
    {
        if (line.EndsWith((byte)'\r'))
        {
            line = line[..^1];
        }

        return line.Length > HeaderStart.Length + HeaderEnd.Length && line.StartsWith(HeaderStart) && line.EndsWith(HeaderEnd)
            ? Encoding.UTF8.GetString(line[HeaderStart.Length..^HeaderEnd.Length])
            : null;
    }

    private static bool IsSafeName(string name)
    {
        if (name.Length > MaxNameLength)
        {
            return false;
        }

        var segments = name.Split('/');
        return segments.Length <= 2 && segments.All(s => s.Length > 0 && s is not "." and not ".." && s.All(IsNameChar));
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_';
}
