using System.Collections.Immutable;
using HostNetLint.Parsing;
using HostNetLint.Parsing.Text;
using HostNetLint.Parsing.Yaml;

namespace HostNetLint.Model.Loading;

/// <summary>
/// Reads each file at most once and remembers it as a <see cref="SourceDocument"/>, in reading order.
/// Paths in documents and diagnostics are root-relative with forward slashes (absolute for a file outside the root),
/// so results do not depend on the machine or the working directory.
/// </summary>
internal sealed class FileLoader
{
    private readonly ModelOptions options;
    private readonly Dictionary<string, SourceDocument> documents = new(StringComparer.Ordinal);
    private readonly List<SourceDocument> order = [];
    private readonly Dictionary<string, Parsing.Systemd.UnitFileSyntax> unitSyntaxes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceDocument> peeked = new(StringComparer.Ordinal);

    public FileLoader(string root, ModelOptions options)
    {
        Root = root;
        this.options = options;
    }

    /// <summary>The root as a full path without a trailing separator.</summary>
    public string Root { get; }

    public ImmutableArray<SourceDocument> Documents => [.. order];

    public static string Normalize(string fullPath) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(fullPath));

    public string DisplayPath(string fullPath)
    {
        var relative = Path.GetRelativePath(Root, fullPath);
        return IsInsideRoot(fullPath) ? relative.Replace('\\', '/') : fullPath.Replace('\\', '/');
    }

    /// <summary>The full path of a file the loader read, from its display path.</summary>
    public string FullPathOf(SourceText text) =>
        Path.IsPathRooted(text.Path) ? Path.GetFullPath(text.Path) : Path.GetFullPath(Path.Combine(Root, text.Path));

    /// <summary>True when the path, and the file a symbolic link points to, are under the root.</summary>
    public bool IsInsideRoot(string fullPath)
    {
        if (!IsUnder(fullPath))
        {
            return false;
        }

        try
        {
            var target = new FileInfo(fullPath).ResolveLinkTarget(returnFinalTarget: true);
            return target is null || IsUnder(Path.GetFullPath(target.FullName));
        }
        catch (IOException)
        {
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }
    }

    /// <summary>Reads and (when <paramref name="parseYaml"/>) parses a file; a file that cannot be read becomes a document with a problem.</summary>
    public SourceDocument Load(string fullPath, bool parseYaml)
    {
        if (documents.TryGetValue(fullPath, out var known))
        {
            return known;
        }

        // A file read by Peek is not read again: it becomes a document now, in this reading order.
        var document = peeked.Remove(fullPath, out var read) && parseYaml ? read : Read(fullPath, parseYaml);
        documents.Add(fullPath, document);
        order.Add(document);
        return document;
    }

    /// <summary>
    /// Reads and parses a YAML file without making it a document, so a file that turns out not to be what the caller
    /// looks for leaves no trace (no document, no problem reported). The text is parsed only when
    /// <paramref name="worthParsing"/> accepts it, and a parsed file is kept so that <see cref="Load"/> reuses it. Null
    /// when the file is larger than <paramref name="maxLength"/> (it is not opened) or cannot be read.
    /// </summary>
    public SourceDocument? Peek(string fullPath, long maxLength, Func<string, bool> worthParsing)
    {
        if (documents.TryGetValue(fullPath, out var known) || peeked.TryGetValue(fullPath, out known))
        {
            return known;
        }

        try
        {
            if (SizeOf(fullPath) > Math.Min(maxLength, options.YamlLimits.MaxLength))
            {
                return null;
            }

            var text = SourceText.Decode(ReadBytes(fullPath), DisplayPath(fullPath));
            if (text.DecodeFailure is not null || !worthParsing(text.Text))
            {
                return new SourceDocument { Path = text.Path, Text = text, IsAnalyzable = text.DecodeFailure is null };
            }

            var document = ParseYaml(text);
            peeked.Add(fullPath, document);
            return document;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private SourceDocument Read(string fullPath, bool parseYaml)
    {
        var path = DisplayPath(fullPath);
        SourceDocument document;
        try
        {
            // Refuse an oversized file before reading it: a 50 MB "compose file" must cost nothing.
            var size = SizeOf(fullPath);
            if (size > options.YamlLimits.MaxLength)
            {
                var problem = new ParseProblem(ParseProblemKind.LimitExceeded, new TextSpan(0, 0), $"The file is {size:N0} bytes, over the limit of {options.YamlLimits.MaxLength:N0}; it was not read");
                document = new SourceDocument { Path = path, Text = SourceText.From(string.Empty, path), Problems = [problem], IsAnalyzable = false };
            }
            else if (SourceText.Decode(ReadBytes(fullPath), path) is var text && parseYaml)
            {
                document = ParseYaml(text);
            }
            else
            {
                var problems = text.DecodeFailure is { } failure
                    ? ImmutableArray.Create(new ParseProblem(ParseProblemKind.Syntax, new TextSpan(Math.Min(failure.Offset, text.Length), 0), failure.Message))
                    : [];
                document = new SourceDocument { Path = path, Text = text, Problems = problems, IsAnalyzable = problems.IsEmpty };
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            document = new SourceDocument
            {
                Path = path,
                Text = SourceText.From(string.Empty, path),
                Problems = [new ParseProblem(ParseProblemKind.Syntax, new TextSpan(0, 0), $"The file could not be read ({ex.Message.TrimEnd('.')})")],
                IsAnalyzable = false,
            };
        }

        return document;
    }

    /// <summary>
    /// Reads a file in unit-file syntax and parses it in the dialect its path calls for. The document is
    /// remembered only when <paramref name="keep"/> accepts the syntax, so look-alikes (D-Bus activation files)
    /// leave no trace. A file that cannot be read is remembered with a problem and returns a null syntax.
    /// </summary>
    public (SourceDocument? Document, Parsing.Systemd.UnitFileSyntax? Syntax) LoadUnitFile(string fullPath, Func<Parsing.Systemd.UnitFileSyntax, bool> keep)
    {
        if (unitSyntaxes.TryGetValue(fullPath, out var knownSyntax))
        {
            return (documents[fullPath], knownSyntax);
        }

        if (documents.TryGetValue(fullPath, out var readBefore))
        {
            // Read before as something else (or unreadable): no unit syntax to offer.
            return (readBefore, null);
        }

        var path = DisplayPath(fullPath);
        SourceText text;
        try
        {
            text = SourceText.Decode(ReadBytes(fullPath), path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (Load(fullPath, parseYaml: false), null);
        }

        var syntax = Parsing.Systemd.UnitFileSyntax.Parse(text, Parsing.Systemd.UnitFileSyntax.DialectFor(fullPath));
        if (!keep(syntax))
        {
            return (null, null);
        }

        // The parser reports a decoding failure itself (and stops), so its problems are the document's.
        var document = new SourceDocument { Path = path, Text = text, Problems = syntax.Problems, IsAnalyzable = syntax.IsComplete };
        documents.Add(fullPath, document);
        order.Add(document);
        unitSyntaxes.Add(fullPath, syntax);
        return (document, syntax);
    }

    private SourceDocument ParseYaml(SourceText text)
    {
        var tree = YamlSyntaxTree.Parse(text, options.YamlLimits);
        return new SourceDocument { Path = text.Path, Text = text, Yaml = tree, Problems = tree.Problems, IsAnalyzable = tree.IsComplete };
    }

    /// <summary>The size in bytes of the file, or of the fix engine's pending new content for it.</summary>
    private long SizeOf(string fullPath) => options.Overlay.GetValueOrDefault(fullPath)?.Length ?? new FileInfo(fullPath).Length;

    /// <summary>The file's bytes, or the fix engine's pending new content for it (re-lint without writing).</summary>
    private byte[] ReadBytes(string fullPath) => options.Overlay.GetValueOrDefault(fullPath) ?? File.ReadAllBytes(fullPath);

    private bool IsUnder(string fullPath) =>
        fullPath == Root || fullPath.StartsWith(Root.EndsWith(Path.DirectorySeparatorChar) ? Root : Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
