using System.Collections.Immutable;
using HostNetLint.Model.EnvFiles;
using HostNetLint.Model.Interpolation;
using HostNetLint.Model.Loading;
using HostNetLint.Model.Workloads;

namespace HostNetLint.Model.Compose;

/// <summary>
/// Reads a service's <c>env_file:</c> (a string, a list, or the long form with <c>path</c>, <c>required</c> and
/// <c>format</c>) into its environment. Each path is relative to the file it is written in, as compose resolves
/// paths per file. A missing file is reported once per file (unless <c>required: false</c>); one outside the root at
/// the reference.
/// </summary>
/// <remarks>
/// Precedence as compose-go defines it (compose-spec/compose-go <c>types/project.go</c>,
/// <c>WithServicesEnvironmentResolved</c>; docs.docker.com "Environment variables precedence"): a variable set in
/// <c>environment:</c> wins over any env file, and of several env files the later one wins. Values in an env file are
/// interpolated with the project's variables first, then the service's <c>environment:</c>, then the assignments read
/// before them; <c>NAME</c> alone takes the project's (or <c>environment:</c>'s) value and is unset without one.
/// <c>format: raw</c> (docker compose's kvfile) takes each value verbatim. docker-compose 1.x and podman-compose 1.0
/// read env files differently (1.x does not interpolate <c>$NAME</c>; podman-compose hands them to <c>podman --env-file</c>,
/// which keeps quotes); the compose specification's reading is the one modelled.
/// </remarks>
internal sealed class ComposeEnvFiles
{
    private readonly FileLoader loader;
    private readonly ComposeReferenceResolver references;
    private readonly EnvFileReader reader;
    private readonly MissingEnvFiles missing;

    public ComposeEnvFiles(FileLoader loader, ComposeReferenceResolver references, EnvFileReader reader, MissingEnvFiles missing)
    {
        this.loader = loader;
        this.references = references;
        this.reader = reader;
        this.missing = missing;
    }

    /// <summary>The service's environment: <paramref name="declared"/> (its <c>environment:</c>) over what its env files set.</summary>
    public ImmutableArray<EnvironmentVariable> Apply(ComposeEntry service, ProjectVariables project, ImmutableArray<EnvironmentVariable> declared)
    {
        if ((service.Value as ComposeMapping)?["env_file"] is not { } envFile)
        {
            return declared;
        }

        var declaredValues = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in declared)
        {
            if (variable.Value is { } value)
            {
                declaredValues[variable.Name] = value.Text;
            }
        }

        var outer = new LayeredVariables(project.Values, declaredValues);
        var accumulated = new Dictionary<string, string>(declaredValues, StringComparer.Ordinal);
        var fromFiles = new List<EnvironmentVariable>();
        foreach (var item in envFile is ComposeSequence sequence ? sequence.Items : [envFile])
        {
            var (path, required, format) = item switch
            {
                ComposeScalar scalar => (scalar, true, null),
                ComposeMapping mapping => (mapping["path"] as ComposeScalar, !IsFalse(mapping["required"]), (mapping["format"] as ComposeScalar)?.Text),
                _ => (null, false, null),
            };
            if (path is not { IsNull: false })
            {
                continue;
            }

            var referencingFile = loader.FullPathOf(path.Location.Source);
            var target = references.Resolve(path, referencingFile, out var absent);
            if (absent is not null && required)
            {
                missing.ReportFile(absent, path.Text.Trim(), path.Location, service.Key, service.KeyLocation);
            }

            if (target is not null)
            {
                references.Followed(target, Discovery.DiscoveryReason.EnvFile, referencingFile);
                var syntax = format == "raw" ? EnvFileSyntax.Raw : EnvFileSyntax.Compose;
                var site = path.Site == path.Location ? path.Location : path.Site;
                fromFiles.AddRange(reader.Read(target, syntax, outer, accumulated, path.Location, site));
            }
        }

        return EnvFileReader.Override(fromFiles, declared);
    }

    private static bool IsFalse(ComposeNode? node) => node is ComposeScalar { Text: "false" or "False" or "FALSE" };
}
