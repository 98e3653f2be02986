using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Meta;

/// <summary>
/// Dependencies point one way: hosts (CLI, MSBuild, the language server) -> Hosting -> Reporting, Fixes -> Rules -> Model -> Parsing.
/// Checked on the compiled assemblies' references, read from metadata without loading them.
/// </summary>
[TestFixture]
public sealed class LayeringTests
{
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["HostNetLint.Parsing"] = [],
        ["HostNetLint.Model"] = ["HostNetLint.Parsing"],
        ["HostNetLint.Rules"] = ["HostNetLint.Model", "HostNetLint.Parsing"],
        ["HostNetLint.Fixes"] = ["HostNetLint.Rules", "HostNetLint.Model", "HostNetLint.Parsing"],
        ["HostNetLint.Reporting"] = ["HostNetLint.Rules", "HostNetLint.Model", "HostNetLint.Parsing"],
        ["HostNetLint.Hosting"] = ["HostNetLint.Reporting", "HostNetLint.Fixes", "HostNetLint.Rules", "HostNetLint.Model", "HostNetLint.Parsing"],
        ["HostNetLint.LanguageServer"] = ["HostNetLint.Hosting", "HostNetLint.Reporting", "HostNetLint.Fixes", "HostNetLint.Rules", "HostNetLint.Model", "HostNetLint.Parsing"],

        // The CLI runs the language server (hostnetlint lsp), one binary for the .NET tool and the AOT build.
        ["hostnetlint"] = ["HostNetLint.LanguageServer", "HostNetLint.Hosting", "HostNetLint.Reporting", "HostNetLint.Fixes", "HostNetLint.Rules", "HostNetLint.Model", "HostNetLint.Parsing"],
        ["HostNetLint.MSBuild"] = ["HostNetLint.Hosting", "HostNetLint.Reporting", "HostNetLint.Fixes", "HostNetLint.Rules", "HostNetLint.Model", "HostNetLint.Parsing"],
    };

    public static IEnumerable<string> Layers() => Allowed.Keys;

    [TestCaseSource(nameof(Layers))]
    public void A_layer_references_only_the_layers_below_it(string layer)
    {
        using var stream = File.OpenRead(Path.Combine(TestContext.CurrentContext.TestDirectory, layer + ".dll"));
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var ours = metadata.AssemblyReferences
            .Select(handle => metadata.GetString(metadata.GetAssemblyReference(handle).Name))
            .Where(name => name.StartsWith("HostNetLint", StringComparison.Ordinal) || name == "hostnetlint")
            .ToList();

        Assert.That(ours, Is.SubsetOf(Allowed[layer]), $"{layer} references {string.Join(", ", ours)}");
    }

    [Test]
    public void The_MSBuild_task_is_a_host_beside_the_CLI_not_on_top_of_it()
    {
        var project = File.ReadAllText(Path.Combine(Repository.Root, "src", "HostNetLint.MSBuild", "HostNetLint.MSBuild.csproj"));
        Assert.That(project, Does.Not.Contain("HostNetLint.Cli"));
    }

    [Test]
    public void The_language_server_is_a_host_beside_the_CLI_not_on_top_of_it()
    {
        var project = File.ReadAllText(Path.Combine(Repository.Root, "src", "HostNetLint.LanguageServer", "HostNetLint.LanguageServer.csproj"));
        Assert.That(project, Does.Not.Contain("HostNetLint.Cli"));
    }
}
