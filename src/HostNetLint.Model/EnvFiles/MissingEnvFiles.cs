using HostNetLint.Model.Loading;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Model.EnvFiles;

/// <summary>
/// Reports env files that do not exist once per file, at its first reference, with every workload (or unit) that
/// reads it as a related place. A file the repository's <c>.gitignore</c> keeps out of git, or an install path that
/// matches no file in the root, is missing on purpose (<see cref="ModelProblemKind.ReferenceKeptOutOfRepository"/>).
/// Optional references (<c>required: false</c>, systemd's <c>-</c> prefix) are never passed here.
/// </summary>
internal sealed class MissingEnvFiles
{
    private readonly List<ModelProblem> problems;
    private readonly GitIgnoreRules gitIgnore;
    private readonly Dictionary<string, Missing> byFile = new(StringComparer.Ordinal);

    public MissingEnvFiles(FileLoader loader, List<ModelProblem> problems)
    {
        this.problems = problems;
        gitIgnore = new GitIgnoreRules(loader);
    }

    /// <summary>The missing files reported so far: full paths under the root, and install paths.</summary>
    public IEnumerable<string> Files => byFile.Keys;

    /// <summary>A missing file under the root, named <paramref name="shown"/> at <paramref name="reference"/>, read by <paramref name="reader"/>.</summary>
    public void ReportFile(string fullPath, string shown, Location reference, string reader, Location readerLocation)
    {
        Add(fullPath, reference, reader, readerLocation, () => gitIgnore.Match(fullPath) is { } match
            ? (ModelProblemKind.ReferenceKeptOutOfRepository, $"'{shown}' does not exist; the pattern '{match.Pattern}' in {match.File} keeps it out of the repository")
            : (ModelProblemKind.ReferenceMissing, $"'{shown}' does not exist"));
    }

    /// <summary>An install path (<c>/etc/app/app.env</c>) that names no file in the root: a file of the target host.</summary>
    public void ReportHostFile(string installPath, string failure, bool matchesNothing, Location reference, string reader, Location readerLocation)
    {
        Add(installPath, reference, reader, readerLocation, () => matchesNothing
            ? (ModelProblemKind.ReferenceKeptOutOfRepository, $"'{installPath}' matches no file in the linted root; it is taken to be provisioned on the host")
            : (ModelProblemKind.ReferenceMissing, failure));
    }

    /// <summary>Attaches the related places collected since each problem was first reported.</summary>
    public void Complete()
    {
        foreach (var missing in byFile.Values)
        {
            problems[missing.Index] = problems[missing.Index] with { Related = [.. missing.Related] };
        }
    }

    private void Add(string key, Location reference, string reader, Location readerLocation, Func<(ModelProblemKind Kind, string Message)> describe)
    {
        if (!byFile.TryGetValue(key, out var missing))
        {
            var (kind, message) = describe();
            missing = new Missing(problems.Count, reference);
            problems.Add(new ModelProblem(kind, reference, message));
            byFile.Add(key, missing);
        }

        if (reference != missing.Reference && missing.Seen.Add((reference, string.Empty)))
        {
            missing.Related.Add(new ModelProblemSite(reference, "also referenced here"));
        }

        if (missing.Seen.Add((readerLocation, reader)))
        {
            missing.Related.Add(new ModelProblemSite(readerLocation, $"read by '{reader}'"));
        }
    }

    private sealed class Missing(int index, Location reference)
    {
        public int Index { get; } = index;

        public Location Reference { get; } = reference;

        public List<ModelProblemSite> Related { get; } = [];

        public HashSet<(Location, string)> Seen { get; } = [];
    }
}
