using System.Collections.Concurrent;
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
    // Concurrent because the read-ahead's workers resolve paths too.
    private readonly ConcurrentDictionary<string, string?> realDirectories = new(StringComparer.Ordinal);

    // The directories this run listed whole: a name their listing lacks is not there, so most probes for compose's
    // default names (eight per directory) and .env files cost no system call.
    // Concurrent because the read-ahead's workers ask it too.
    private readonly ConcurrentDictionary<string, WalkedDirectory> listed = new(StringComparer.Ordinal);

    private ReadAhead? readAhead;
    private Func<string, bool>? readAheadSniff;

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

    /// <summary>The real path of a full path (see <see cref="RealPath.Resolve"/>).</summary>
    private string? RealPathOf(string fullPath) => FromRealParent(fullPath, isDirectory: false);

    private string? RealDirectoryOf(string directory) =>
        realDirectories.GetOrAdd(directory, static (path, loader) => loader.FromRealParent(path, isDirectory: true), this);

    /// <summary>
    /// The real path of <paramref name="path"/> from its parent's, which is resolved once per run: joined to it when
    /// the walk shows the path is no link (a directory reached from its parent, a file its directory's listing shows as
    /// none), else resolved there.
    /// </summary>
    private string? FromRealParent(string path, bool isDirectory)
    {
        if (Path.GetDirectoryName(path) is not { } parent)
        {
            return RealPath.Resolve(path);
        }

        if (RealDirectoryOf(parent) is not { } realParent)
        {
            return null;
        }

        var isPlain = isDirectory
            ? listed.TryGetValue(path, out var walked) && walked.IsPlainChild
            : listed.TryGetValue(parent, out var listing) && listing.IsPlainFile(path);
        var name = Path.GetFileName(path);
        return isPlain ? Path.Join(realParent, name) : RealPath.ResolveFrom(realParent, name);
    }

    /// <summary>Lets <see cref="FileExists"/> answer for the files of <paramref name="listing"/> from the listing.</summary>
    public void AddListing(IReadOnlyList<WalkedDirectory> listing)
    {
        foreach (var directory in listing)
        {
            if (directory.HasEveryFile)
            {
                listed.TryAdd(directory.Path, directory);
            }
        }
    }

    /// <summary>
    /// <see cref="File.Exists"/>, answered from the listing without a system call when the file's directory was listed
    /// whole in this run (<see cref="WalkedDirectory.HoldsFile"/>).
    /// </summary>
    public bool FileExists(string fullPath) =>
        Path.GetDirectoryName(fullPath) is { } directory && listed.TryGetValue(directory, out var walked) && walked.HoldsFile(fullPath) is { } held
            ? held
            : File.Exists(fullPath);

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
        if (readAhead?.Take(fullPath) is { } prepared)
        {
            document = prepared.Problem is { } readProblem ? Unreadable(path, readProblem)
                : parseYaml ? WithYaml(prepared.Text!, prepared.Yaml)
                : AsText(prepared.Text!);
        }
        else if (!TryRead(fullPath, options.YamlLimits.MaxLength, out var bytes, out var problem))
        {
            document = Unreadable(path, problem);
        }
        else if (SourceText.Decode(bytes, path) is var text && parseYaml)
        {
            document = WithYaml(text, tree: null);
        }
        else
        {
            document = AsText(text);
        }

        Remember(fullPath, document);
        return document;
    }

    /// <summary>
    /// Starts reading <paramref name="files"/> ahead on other cores (see <see cref="ReadAhead"/>); <see cref="Load"/>,
    /// <see cref="Peek"/> and <see cref="LoadUnitFile"/> then take a file's prepared text and tree instead of reading it.
    /// </summary>
    /// <remarks><paramref name="worthParsing"/> is the test <see cref="Peek"/> is given for other YAML files.</remarks>
    public void StartReadAhead(IReadOnlyList<(string FullPath, ReadAheadKind Kind)> files, Func<string, bool> worthParsing)
    {
        StopReadAhead();
        readAheadSniff = worthParsing;
        readAhead = ReadAhead.Start(files, Prepare, options.ReadAheadThreads);
    }

    /// <summary>Stops the read-ahead's workers; files not taken are read on demand again.</summary>
    public void StopReadAhead()
    {
        readAhead?.Dispose();
        readAhead = null;
    }

    /// <summary>
    /// What <see cref="Load"/>, <see cref="Peek"/> and <see cref="LoadUnitFile"/> would read and parse for the file,
    /// without making it a document. Depends only on the path and the options, so it runs on any thread.
    /// </summary>
    private PreparedFile Prepare(string fullPath, ReadAheadKind kind)
    {
        if (!TryRead(fullPath, options.YamlLimits.MaxLength, out var bytes, out var problem))
        {
            return new PreparedFile(problem, 0, null, null, null);
        }

        var text = SourceText.Decode(bytes, DisplayPath(fullPath));
        // As Load parses a compose name (a decoding failure included) and Peek other YAML (only text that may be compose).
        var parseYaml = kind == ReadAheadKind.Yaml
            || (kind == ReadAheadKind.YamlIfSniffed && text.DecodeFailure is null && readAheadSniff?.Invoke(text.Text) == true);
        return new PreparedFile(
            null,
            bytes.Length,
            text,
            parseYaml ? YamlSyntaxTree.Parse(text, options.YamlLimits) : null,
            kind == ReadAheadKind.Unit ? Parsing.Systemd.UnitFileSyntax.Parse(text, Parsing.Systemd.UnitFileSyntax.DialectFor(fullPath)) : null);
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

        var limit = Math.Min(maxLength, options.YamlLimits.MaxLength);
        SourceText text;
        YamlSyntaxTree? tree = null;
        if (readAhead?.Take(fullPath) is { } prepared)
        {
            // Read ahead up to the loader's limit: a file over this caller's smaller limit is one it would not read.
            if (prepared.Problem is not null || prepared.Length > limit)
            {
                return null;
            }

            (text, tree) = (prepared.Text!, prepared.Yaml);
        }
        else if (TryRead(fullPath, limit, out var bytes, out _))
        {
            text = SourceText.Decode(bytes, DisplayPath(fullPath));
        }
        else
        {
            return null;
        }

        if (text.DecodeFailure is not null || !worthParsing(text.Text))
        {
            return new SourceDocument { Path = text.Path, Text = text, IsAnalyzable = text.DecodeFailure is null };
        }

        var document = WithYaml(text, tree);
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

        var path = DisplayPath(fullPath);
        var prepared = readAhead?.Take(fullPath);
        byte[] bytes = [];
        if (prepared is { Problem: { } readProblem } || (prepared is null && !TryRead(fullPath, options.YamlLimits.MaxLength, out bytes, out readProblem)))
        {
            var unreadable = Unreadable(path, readProblem);
            Remember(fullPath, unreadable);
            return (unreadable, null);
        }

        var text = prepared?.Text ?? SourceText.Decode(bytes, path);
        var syntax = prepared?.Unit ?? Parsing.Systemd.UnitFileSyntax.Parse(text, Parsing.Systemd.UnitFileSyntax.DialectFor(fullPath));
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

    /// <summary>A YAML document of <paramref name="text"/>, with the tree read ahead or, when there is none, parsed now.</summary>
    private SourceDocument WithYaml(SourceText text, YamlSyntaxTree? tree)
    {
        tree ??= YamlSyntaxTree.Parse(text, options.YamlLimits);
        return new SourceDocument { Path = text.Path, Text = text, Yaml = tree, Problems = tree.Problems, IsAnalyzable = tree.IsComplete };
    }

    /// <summary>A document read as text only (an env file): a decoding failure is its problem.</summary>
    private static SourceDocument AsText(SourceText text)
    {
        var problems = text.DecodeFailure is { } failure
            ? ImmutableArray.Create(new ParseProblem(ParseProblemKind.Syntax, new TextSpan(Math.Min(failure.Offset, text.Length), 0), failure.Message))
            : [];
        return new SourceDocument { Path = text.Path, Text = text, Problems = problems, IsAnalyzable = problems.IsEmpty };
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
