using HostNetLint.Model.Loading;

namespace HostNetLint.Model.Compose;

/// <summary>
/// The files compose loads for a directory when it is given no <c>-f</c>: those <c>COMPOSE_FILE</c> names (in the
/// directory's <c>.env</c> or the host environment), split on <c>COMPOSE_PATH_SEPARATOR</c> (default <c>:</c>, the
/// Linux path-list separator) and relative to the directory; else the default names (<see cref="ComposeFileNames"/>).
/// </summary>
/// <remarks>
/// As compose-go's <c>cli.WithConfigFileEnv</c> (compose-spec/compose-go <c>cli/options.go</c>), which docker compose
/// applies after reading the project's <c>.env</c>. A listed file that is missing or outside the root is a problem at
/// the <c>COMPOSE_FILE</c> value and is left out; the others are still loaded.
/// </remarks>
internal sealed class ComposeFileDiscovery
{
    private readonly FileLoader loader;
    private readonly ProjectVariablesLoader variables;
    private readonly ComposeReferenceResolver references;

    public ComposeFileDiscovery(FileLoader loader, ProjectVariablesLoader variables, ComposeReferenceResolver references)
    {
        this.loader = loader;
        this.variables = variables;
        this.references = references;
    }

    public IReadOnlyList<string> Discover(string directory) => DiscoverStack(directory).Files;

    /// <summary>The files, and whether <c>COMPOSE_FILE</c> named them (else they are the default names).</summary>
    public (IReadOnlyList<string> Files, bool FromComposeFile) DiscoverStack(string directory)
    {
        // Only a directory with a .env can name its files; the host environment alone is not taken to name a stack
        // for every directory of the repository.
        if (!loader.FileExists(Path.Combine(directory, ".env")))
        {
            return (ComposeFileNames.Discover(directory, loader.FileExists), false);
        }

        var project = variables.For(directory);
        if (!project.Written.TryGetValue("COMPOSE_FILE", out var location) || project.Values["COMPOSE_FILE"] is not { Length: > 0 } list)
        {
            return (ComposeFileNames.Discover(directory, loader.FileExists), false);
        }

        var separator = project.Values.TryGetValue("COMPOSE_PATH_SEPARATOR", out var custom) && custom.Length > 0 ? custom : ":";
        var files = new List<string>();
        foreach (var entry in list.Split(separator))
        {
            var relative = entry.Trim();
            if (relative.Length > 0)
            {
                var target = references.Resolve(relative, location, directory, out var missing);
                if (missing is not null)
                {
                    references.Report(ModelProblemKind.ReferenceMissing, location, $"'{relative}' in COMPOSE_FILE does not exist");
                }

                if (target is not null && !files.Contains(target, StringComparer.Ordinal))
                {
                    files.Add(target);
                }
            }
        }

        return (files, true);
    }
}
