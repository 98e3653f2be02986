using HostNetLint.Model.Discovery;
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
    private readonly DiscoveryLog log;

    public ComposeReferenceResolver(FileLoader loader, List<ModelProblem> problems, DiscoveryLog log)
    {
        this.loader = loader;
        this.problems = problems;
        this.log = log;
    }

    /// <summary>
    /// The full path a file reference names, or null (with a problem) when it is missing or outside the root. A file
    /// found is recorded as read for <paramref name="reason"/> (include, extends) by <paramref name="referencingFile"/>.
    /// </summary>
    public string? Resolve(ComposeScalar reference, string referencingFile, DiscoveryReason reason)
    {
        var target = Resolve(reference, referencingFile, out var missing);
        if (missing is not null)
        {
            Report(ModelProblemKind.ReferenceMissing, reference.Location, $"'{reference.Text.Trim()}' does not exist");
        }

        if (target is not null)
        {
            log.Referenced(target, reason, referencingFile);
        }

        return target;
    }

    /// <summary>Records that <paramref name="referencingFile"/> reads <paramref name="target"/> for <paramref name="reason"/> (an env file).</summary>
    public void Followed(string target, DiscoveryReason reason, string referencingFile) => log.Referenced(target, reason, referencingFile);

    /// <summary>
    /// The full path of the existing file a reference names, or null. A file that does not exist comes back in
    /// <paramref name="missing"/> unreported (the caller decides how to report it); an invalid path or one outside
    /// the root is reported here.
    /// </summary>
    public string? Resolve(ComposeScalar reference, string referencingFile, out string? missing) =>
        Resolve(reference.Text.Trim(), reference.Location, Path.GetDirectoryName(referencingFile) ?? loader.Root, out missing);

    /// <summary>As <see cref="Resolve(ComposeScalar, string, out string?)"/> for a path written at <paramref name="location"/>, relative to <paramref name="directory"/>.</summary>
    public string? Resolve(string relative, Location location, string directory, out string? missing)
    {
        missing = null;
        if (IsRemote(relative))
        {
            // git and OCI includes are fetched by compose at run time; a linter neither fetches nor reports them.
            return null;
        }

        string target;
        try
        {
            target = FileLoader.Normalize(Path.Combine(directory, relative));
        }
        catch (ArgumentException)
        {
            Report(ModelProblemKind.ReferenceMissing, location, $"'{relative}' is not a valid file path");
            return null;
        }

        if (!loader.IsInsideRoot(target))
        {
            Report(ModelProblemKind.ReferenceOutsideRoot, location, $"'{relative}' is outside the linted root; it was not read");
            return null;
        }

        if (!loader.FileExists(target))
        {
            missing = target;
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

    public void Report(ModelProblemKind kind, Location location, string message)
    {
        if (reported.Add((kind, location)))
        {
            problems.Add(new ModelProblem(kind, location, message));
        }
    }
}
