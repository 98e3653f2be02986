using HostNetLint.Model.Loading;

namespace HostNetLint.Model.Compose;

/// <summary>
/// Reports <c>env_file</c> entries that are missing (unless <c>required: false</c>) or outside the root.
/// Each path is relative to the file it is written in, as compose resolves paths per file.
/// </summary>
internal sealed class EnvFileReferenceChecker
{
    private readonly FileLoader loader;
    private readonly ComposeReferenceResolver references;

    public EnvFileReferenceChecker(FileLoader loader, ComposeReferenceResolver references)
    {
        this.loader = loader;
        this.references = references;
    }

    public void Check(ComposeMapping services)
    {
        foreach (var entry in services.Entries)
        {
            if (entry.Value is not ComposeMapping { } service || service["env_file"] is not { } envFile)
            {
                continue;
            }

            foreach (var item in envFile is ComposeSequence sequence ? sequence.Items : [envFile])
            {
                var (path, required) = item switch
                {
                    ComposeScalar scalar => (scalar, true),
                    ComposeMapping mapping => (mapping["path"] as ComposeScalar, (mapping["required"] as ComposeScalar)?.Value is not ("false" or "False")),
                    _ => (null, false),
                };
                if (path is { IsNull: false })
                {
                    references.Resolve(path, loader.FullPathOf(path.Location.Source), reportMissing: required);
                }
            }
        }
    }
}
