using HostNetLint.Model;
using HostNetLint.Model.Workloads;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Tests.Model;

/// <summary>A temporary directory of fixture files written by the test itself, deleted afterwards.</summary>
internal sealed class TempTree : IDisposable
{
    public TempTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "hnl-model-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>The compose project name of a file directly in the root (its directory name, normalised).</summary>
    public string ProjectName => HostNetLint.Model.Compose.ComposeProjectName.Normalize(Path.GetFileName(Root));

    public static (int Line, int Column) Position(Location location)
    {
        var start = location.LineSpan.Start;
        return (start.Line + 1, start.Character + 1);
    }

    public static string TextOf(Location location) => location.Source.ToString(location.Span);

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"));
        return path;
    }

    public DeploymentModel Build(params string[] paths) => DeploymentModelBuilder.Build(Root, paths, ModelOptions.Default);

    public DeploymentModel Build(ModelOptions options, params string[] paths) => DeploymentModelBuilder.Build(Root, paths, options);

    public Workload Service(string name, params string[] paths) => Build(paths).Workloads.Single(w => w.Name == name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }
}
