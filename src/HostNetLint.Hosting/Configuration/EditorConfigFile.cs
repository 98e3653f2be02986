using System.Collections.Immutable;

namespace HostNetLint.Hosting.Configuration;

/// <summary>
/// One parsed <c>.editorconfig</c> (https://spec.editorconfig.org): the <c>root</c> flag from the preamble
/// and its sections in file order. Keys are lower-cased, as the spec makes them case-insensitive; values
/// are kept as written (severity names are compared case-insensitively later).
/// </summary>
public sealed class EditorConfigFile
{
    private EditorConfigFile(string directory, bool isRoot, ImmutableArray<EditorConfigSection> sections)
    {
        Directory = directory;
        IsRoot = isRoot;
        Sections = sections;
    }

    /// <summary>The directory the file's globs are relative to, with forward slashes and no trailing slash.</summary>
    public string Directory { get; }

    /// <summary><c>root = true</c>: files in parent directories are not read.</summary>
    public bool IsRoot { get; }

    public ImmutableArray<EditorConfigSection> Sections { get; }

    /// <summary>
    /// Parses <paramref name="text"/>. Never throws: lines that are neither a section, a pair, a comment nor
    /// blank are ignored, as editors do. Comments start a line with <c>#</c> or <c>;</c> (the spec has no
    /// end-of-line comments, so <c>a = b # c</c> is the value <c>b # c</c>).
    /// </summary>
    public static EditorConfigFile Parse(string text, string directory)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(directory);
        var isRoot = false;
        var sections = ImmutableArray.CreateBuilder<EditorConfigSection>();
        string? glob = null;
        var properties = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);

        void CloseSection()
        {
            if (glob is not null)
            {
                sections.Add(new EditorConfigSection(glob, properties.ToImmutable()));
            }

            properties.Clear();
        }

        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                var close = line.LastIndexOf(']');
                if (close > 0)
                {
                    CloseSection();
                    glob = line[1..close];
                }

                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var key = line[..equals].Trim().ToLowerInvariant();
            var value = Unquote(line[(equals + 1)..].Trim());
            if (glob is null)
            {
                isRoot |= key == "root" && value.Equals("true", StringComparison.OrdinalIgnoreCase);
            }
            else
            {
                properties[key] = value;
            }
        }

        CloseSection();
        return new EditorConfigFile(directory.Replace('\\', '/').TrimEnd('/'), isRoot, sections.ToImmutable());
    }

    /// <summary>Values may be quoted ("error"), which some generators write; the quotes are not part of the value.</summary>
    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' && value[^1] == '"' || value[0] == '\'' && value[^1] == '\'') ? value[1..^1].Trim() : value;
}
