using System.Collections.Immutable;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Parsing.Systemd;

/// <summary>
/// The result of parsing one file in systemd's unit-file syntax (units, drop-ins, quadlets): sections,
/// entries, comments, blank lines and every problem found on the way. Parsing never throws and is linear
/// in the input.
/// </summary>
/// <remarks>
/// With <see cref="UnitFileDialect.Systemd"/> the reading follows systemd's config parser (systemd.syntax(7)):
/// lines whose first non-blank character is <c>#</c> or <c>;</c> are comments, also inside a continuation; a
/// line ending in an unescaped backslash continues on the next line, the backslash becoming a space. A
/// backslash followed by trailing blanks does <em>not</em> continue the line (systemd checks the very last
/// character); the next line is then read on its own, and if it has no <c>=</c> the problem says why.
/// <see cref="UnitFileDialect.Quadlet"/> follows Podman's parser instead, which trims lines first (see the
/// dialect). Lines the tool rejects (before any section, without <c>=</c>) are reported as
/// <see cref="ParseProblemKind.Syntax"/> and skipped.
/// </remarks>
public sealed class UnitFileSyntax
{
    internal UnitFileSyntax(SourceText text, UnitFileDialect dialect, ImmutableArray<UnitSection> sections, ImmutableArray<UnitComment> comments, ImmutableArray<TextSpan> blankLines, ImmutableArray<ParseProblem> problems, bool isComplete)
    {
        Text = text;
        Dialect = dialect;
        Sections = sections;
        Comments = comments;
        BlankLines = blankLines;
        Problems = problems;
        IsComplete = isComplete;
        Kind = !sections.IsEmpty && sections[0].Name == DBusServiceSection ? UnitFileKind.DBusService : UnitFileKind.SystemdUnit;
    }

    /// <summary>The first section of a D-Bus activation file, which shares the <c>.service</c> extension.</summary>
    public const string DBusServiceSection = "D-BUS Service";

    public SourceText Text { get; }

    /// <summary>Whose line reading was applied (continuations differ between systemd and quadlet).</summary>
    public UnitFileDialect Dialect { get; }

    /// <summary>Sections in file order, one per header (a repeated header gives a second section).</summary>
    public ImmutableArray<UnitSection> Sections { get; }

    public ImmutableArray<UnitComment> Comments { get; }

    /// <summary>Spans of lines that are empty or blank (outside continuations), without their line breaks.</summary>
    public ImmutableArray<TextSpan> BlankLines { get; }

    public ImmutableArray<ParseProblem> Problems { get; }

    /// <summary>
    /// False when the file was not (fully) read: undecodable bytes, over a limit, or a malformed section
    /// header (systemd refuses such a file). Ignored lines alone leave it true: the tree is then exactly what
    /// systemd loads.
    /// </summary>
    public bool IsComplete { get; }

    /// <summary>
    /// What the content says: <see cref="UnitFileKind.DBusService"/> when the first section is
    /// <c>[D-BUS Service]</c>, otherwise <see cref="UnitFileKind.SystemdUnit"/>. Use
    /// <see cref="Classify(string, UnitFileSyntax)"/> to take the file name into account.
    /// </summary>
    public UnitFileKind Kind { get; }

    /// <summary>Parses a file the way systemd reads it.</summary>
    public static UnitFileSyntax Parse(SourceText text, UnitFileParseLimits? limits = null) => Parse(text, UnitFileDialect.Systemd, limits);

    /// <summary>Parses a file the way <paramref name="dialect"/>'s reader reads it; see <see cref="DialectFor(string)"/>.</summary>
    public static UnitFileSyntax Parse(SourceText text, UnitFileDialect dialect, UnitFileParseLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new UnitFileParser(text, dialect, limits ?? UnitFileParseLimits.Default).Parse();
    }

    /// <summary>
    /// The reader a file on disk is meant for: quadlet for quadlet extensions and for drop-ins in a quadlet's
    /// <c>NAME.container.d/</c> directory, systemd otherwise. A systemd-networkd <c>.network</c> file cannot be
    /// told from its name; <see cref="Classify(string, UnitFileSyntax)"/> tells it from its sections.
    /// </summary>
    public static UnitFileDialect DialectFor(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path);
        if (extension == ".conf")
        {
            var directory = Path.GetFileName(Path.GetDirectoryName(path)) ?? string.Empty;
            extension = directory.EndsWith(".d", StringComparison.Ordinal) ? Path.GetExtension(directory[..^2]) : extension;
        }

        return IsQuadletExtension(extension) ? UnitFileDialect.Quadlet : UnitFileDialect.Systemd;
    }

    /// <summary>
    /// Classifies a file by its name (as found on disk) and content: quadlet extensions, drop-in
    /// <c>.conf</c> files, D-Bus activation files posing as <c>.service</c>, and systemd units.
    /// </summary>
    public static UnitFileKind Classify(string fileName, UnitFileSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(syntax);
        // Case-sensitive like systemd and Podman: "web.SERVICE" is not a unit.
        switch (Path.GetExtension(fileName))
        {
            case ".service":
                return syntax.Kind;
            case var quadlet when IsQuadletExtension(quadlet) && quadlet != ".network":
                return UnitFileKind.Quadlet;
            case ".network":
                // systemd-networkd uses .network too; its files match on [Match] and configure [Link]/[Address]/[Route].
                return syntax.GetSection("Match") is null && syntax.GetSection("Address") is null && syntax.GetSection("Route") is null
                    ? UnitFileKind.Quadlet
                    : UnitFileKind.Other;
            case ".conf":
                return UnitFileKind.DropIn;
            case ".socket" or ".timer" or ".target" or ".mount" or ".automount" or ".swap" or ".path" or ".slice" or ".scope" or ".device":
                return UnitFileKind.SystemdUnit;
            default:
                return UnitFileKind.Other;
        }
    }

    /// <summary>
    /// Merges a unit with its drop-ins (<c>NAME.service.d/*.conf</c>). Drop-ins apply in lexical order of
    /// their file names whatever directory they come from; pass them in directory priority order, because
    /// for equal file names only the first is used (systemd masks the lower-priority one).
    /// </summary>
    public static UnitDefinition MergeDropIns(UnitFileSyntax main, IEnumerable<UnitFileSyntax> dropIns) => UnitDefinition.Create(main, dropIns);

    private static bool IsQuadletExtension(string extension) =>
        extension is ".container" or ".pod" or ".kube" or ".network" or ".volume" or ".image" or ".build";

    /// <summary>All sections named <paramref name="name"/> (case-sensitive) as one scope, or null when there is none.</summary>
    public UnitSectionView? GetSection(string name)
    {
        var matches = ImmutableArray.CreateBuilder<UnitSection>();
        foreach (var section in Sections)
        {
            if (section.Name == name)
            {
                matches.Add(section);
            }
        }

        return matches.Count == 0 ? null : new UnitSectionView(name, matches.ToImmutable());
    }
}
