using HostNetLint.Model.Loading;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Model.Compose;

/// <summary>
/// Resolves the file a compose reference (<c>include</c>, <c>extends.file</c>, <c>env_file</c>) names, relative to
/// the file it is written in. A missing file or one outside the root is a <see cref="ModelProblem"/> at the
/// reference, reported once however many times the reference is followed.
/// </summary>
internal sealed class ComposeReferenceResolver
{
    private readonly FileLoader loader;
    private readonly List<ModelProblem> problems;
    private readonly HashSet<(ModelProblemKind, Location)> reported = [];

    public ComposeReferenceResolver(FileLoader loader, List<ModelProblem> problems)
    {
        this.loader = loader;
        this.problems = problems;
    }

    /// <summary>The full path a file reference names, or null (with a problem) when it is missing or outside the root.</summary>
    public string? Resolve(ComposeScalar reference, string referencingFile, bool reportMissing = true)
    {
        var relative = reference.Text.Trim();
        if (IsRemote(relative))
        {
            // git and OCI includes are fetched by compose at run time; a linter neither fetches nor reports them.
            return null;
        }

        var directory = Path.GetDirectoryName(referencingFile) ?? loader.Root;
        string target;
        try
        {
            target = FileLoader.Normalize(Path.Combine(directory, relative));
        }
        catch (ArgumentException)
        {
            Report(ModelProblemKind.ReferenceMissing, reference.Location, $"'{relative}' is not a valid file path");
            return null;
        }

        if (!loader.IsInsideRoot(target))
        {
            Report(ModelProblemKind.ReferenceOutsideRoot, reference.Location, $"'{relative}' is outside the linted root; it was not read");
            return null;
        }

        if (!File.Exists(target))
        {
            if (!reportMissing)
            {
                return null;
            }

            Report(ModelProblemKind.ReferenceMissing, reference.Location, $"'{relative}' does not exist");
            return null;
        }

        return target;
    }

    /// <summary>True for <c>scheme://...</c>, <c>git@host:...</c> and other <c>scheme:</c> references (not <c>C:</c> drives).</summary>
    private static bool IsRemote(string reference)
    {
        var colon = reference.IndexOf(':', StringComparison.Ordinal);
        return reference.StartsWith("git@", StringComparison.Ordinal)
            || (colon >= 2 && reference[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '.' or '-') && char.IsAsciiLetter(reference[0]));
    }

    private void Report(ModelProblemKind kind, Location location, string message)
    {
        if (reported.Add((kind, location)))
        {
            problems.Add(new ModelProblem(kind, location, message));
        }
    }
}
