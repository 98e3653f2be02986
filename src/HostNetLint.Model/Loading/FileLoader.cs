using System.Collections.Immutable;
using HostNetLint.Parsing;
using HostNetLint.Parsing.IO;
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

    // The real path of each directory a file was resolved in: files are many per directory, so each directory's
    // components are looked up once, not once per file (a tenth of a large run's time went to those lookups).
    private readonly Dictionary<string, string?> realDirectories = new(StringComparer.Ordinal);

    public FileLoader(string root, ModelOptions options)
    {
        Root = root;
        RealRoot = RealPath.Resolve(root) ?? root;
        this.options = options;
    }

    /// <summary>The root as a full path without a trailing separator.</summary>
    public string Root { get; }

    /// <summary>The root with every symbolic link on it resolved (the root itself may be a link).</summary>
    public string RealRoot { get; }

    public ImmutableArray<SourceDocument> Documents => [.. order];

    public static string Normalize(string fullPath) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(fullPath));

    /// <summary>Root-relative with forward slashes for a path written under the root; the full path otherwise.</summary>
    public string DisplayPath(string fullPath)
    {
        var relative = Path.GetRelativePath(Root, fullPath);
        return RealPath.IsUnder(Root, fullPath) ? relative.Replace('\\', '/') : fullPath.Replace('\\', '/');
    }

    /// <summary>The full path of a file the loader read, from its display path.</summary>
    public string FullPathOf(SourceText text) =>
        Path.IsPathRooted(text.Path) ? Path.GetFullPath(text.Path) : Path.GetFullPath(Path.Combine(Root, text.Path));

    /// <summary>
    /// True when the path is written under the root and its real path (every symbolic link on it resolved, a
    /// directory on the way as well as the file) is under the real root too.
    /// </summary>
    public bool IsInsideRoot(string fullPath) =>
        RealPath.IsUnder(Root, fullPath) && RealPathOf(fullPath) is { } real && RealPath.IsUnder(RealRoot, real);

    /// <summary>The real path of a full path (see <see cref="RealPath.Resolve"/>), its directory resolved once per run.</summary>
    private string? RealPathOf(string fullPath)
    {
        if (Path.GetDirectoryName(fullPath) is not { } directory)
        {
            return RealPath.Resolve(fullPath);
        }

        if (!realDirectories.TryGetValue(directory, out var realDirectory))
        {
            realDirectories[directory] = realDirectory = RealPath.Resolve(directory);
        }

        return realDirectory is null ? null : RealPath.ResolveFrom(realDirectory, Path.GetFileName(fullPath));
    }

    /// <summary>Reads and (when <paramref name="parseYaml"/>) parses a file; a file that cannot be read becomes a document with a problem.</summary>
    public SourceDocument Load(string fullPath, bool parseYaml)
    {
        if (documents.TryGetValue(fullPath, out var known))
        {
            return known;
        }

        // A file read by Peek is not read again: it becomes a document now, in this reading order.
        if (parseYaml && peeked.Remove(fullPath, out var read))
        {
            Remember(fullPath, read);
            return read;
        }

        var path = DisplayPath(fullPath);
        SourceDocument document;
        if (!TryRead(fullPath, options.YamlLimits.MaxLength, out var bytes, out var problem))
        {
            document = Unreadable(path, problem);
        }
        else if (SourceText.Decode(bytes, path) is var text && parseYaml)
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

        Remember(fullPath, document);
        return document;
    }

    /// <summary>
    /// Reads and parses a YAML file without making it a document, so a file that turns out not to be what the caller
    /// looks for leaves no trace (no document, no problem reported). The text is parsed only when
    /// <paramref name="worthParsing"/> accepts it, and a parsed file is kept so that <see cref="Load"/> reuses it. Null
    /// when the file is larger than <paramref name="maxLength"/> (it is not read past that) or cannot be read.
    /// </summary>
    public SourceDocument? Peek(string fullPath, long maxLength, Func<string, bool> worthParsing)
    {
        if (documents.TryGetValue(fullPath, out var known) || peeked.TryGetValue(fullPath, out known))
        {
            return known;
        }

        if (!TryRead(fullPath, Math.Min(maxLength, options.YamlLimits.MaxLength), out var bytes, out _))
        {
            return null;
        }

        var text = SourceText.Decode(bytes, DisplayPath(fullPath));
        if (text.DecodeFailure is not null || !worthParsing(text.Text))
        {
            return new SourceDocument { Path = text.Path, Text = text, IsAnalyzable = text.DecodeFailure is null };
        }

        var document = ParseYaml(text);
        peeked.Add(fullPath, document);
        return document;
    }

    /// <summary>
    /// Records a directory that could not be listed as a document with a problem at its path: the files in it were not
    /// checked, which changes the results, so it is reported rather than skipped.
    /// </summary>
    public void ReportUnlistableDirectory(string fullPath, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (!documents.ContainsKey(fullPath))
        {
            var message = $"The directory could not be listed ({exception.Message.TrimEnd('.')}); the files in it were not checked";
            Remember(fullPath, Unreadable(DisplayPath(fullPath), new ParseProblem(ParseProblemKind.Syntax, new TextSpan(0, 0), message)));
        }
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

        if (!TryRead(fullPath, options.YamlLimits.MaxLength, out var bytes, out var problem))
        {
            var unreadable = Unreadable(DisplayPath(fullPath), problem);
            Remember(fullPath, unreadable);
            return (unreadable, null);
        }

        var path = DisplayPath(fullPath);
        var text = SourceText.Decode(bytes, path);

        var syntax = Parsing.Systemd.UnitFileSyntax.Parse(text, Parsing.Systemd.UnitFileSyntax.DialectFor(fullPath));
        if (!keep(syntax))
        {
            return (null, null);
        }

        // The parser reports a decoding failure itself (and stops), so its problems are the document's.
        var document = new SourceDocument { Path = path, Text = text, Problems = syntax.Problems, IsAnalyzable = syntax.IsComplete };
        Remember(fullPath, document);
        unitSyntaxes.Add(fullPath, syntax);
        return (document, syntax);
    }

    private SourceDocument ParseYaml(SourceText text)
    {
        var tree = YamlSyntaxTree.Parse(text, options.YamlLimits);
        return new SourceDocument { Path = text.Path, Text = text, Yaml = tree, Problems = tree.Problems, IsAnalyzable = tree.IsComplete };
    }

    private static SourceDocument Unreadable(string path, ParseProblem problem) =>
        new() { Path = path, Text = SourceText.From(string.Empty, path), Problems = [problem], IsAnalyzable = false };

    private void Remember(string fullPath, SourceDocument document)
    {
        documents.Add(fullPath, document);
        order.Add(document);
    }

    /// <summary>
    /// The file's bytes (or the fix engine's pending new content for it, to re-lint without writing). Only a regular
    /// file whose real path is under the real root is read, never past the size limit; anything else is a problem at
    /// the path: HNL0003 when it is too large, HNL0001 otherwise.
    /// </summary>
    private bool TryRead(string fullPath, long maxLength, out byte[] bytes, out ParseProblem problem)
    {
        problem = null!;
        bytes = [];
        string reason;
        var kind = ParseProblemKind.Syntax;
        if (options.Overlay.GetValueOrDefault(fullPath) is { } pending)
        {
            if (pending.Length <= maxLength)
            {
                bytes = pending;
                return true;
            }

            kind = ParseProblemKind.LimitExceeded;
            reason = $"it is {pending.Length:N0} bytes, over the limit of {maxLength:N0}";
        }
        else if (RealPathOf(fullPath) is not { } real)
        {
            reason = "its symbolic links loop or nest more than 40 deep";
        }
        else if (!RealPath.IsUnder(RealRoot, real))
        {
            reason = $"it is reached through a symbolic link and lies outside the linted root, at {real}";
        }
        else
        {
            var result = BoundedFileReader.Read(real, maxLength);
            if (result.IsRead)
            {
                bytes = result.Bytes;
                return true;
            }

            kind = result.Outcome == FileReadOutcome.TooLarge ? ParseProblemKind.LimitExceeded : ParseProblemKind.Syntax;
            reason = result.Reason ?? "it could not be read";
        }

        var prefix = kind == ParseProblemKind.LimitExceeded ? "The file was not read" : "The file could not be read";
        problem = new ParseProblem(kind, new TextSpan(0, 0), $"{prefix}: {reason}");
        return false;
    }
}
