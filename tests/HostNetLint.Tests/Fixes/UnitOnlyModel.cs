using HostNetLint.Model;
using HostNetLint.Model.Units;
using HostNetLint.Model.Workloads;
using HostNetLint.Parsing.Systemd;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Tests.Fixes;

/// <summary>
/// A stand-in model builder until the model reads units itself: every <c>*.service</c> file under the root
/// becomes a <see cref="ServiceUnit"/> that starts one VM-facing container (it "addresses 192.168.122.116 on a VM
/// network", which every HNL2xxx rule, HNL2002 included, counts). It honours the fix overlay, so the fix engine
/// runs end to end over units with it.
/// </summary>
internal static class UnitOnlyModel
{
    public static DeploymentModel Build(string root, IReadOnlyList<string> paths, ModelOptions options)
    {
        var documents = new List<SourceDocument>();
        var units = new List<ServiceUnit>();
        foreach (var full in Directory.EnumerateFiles(root, "*.service", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var path = Path.GetRelativePath(root, full).Replace('\\', '/');
            var text = SourceText.Decode(options.Overlay.GetValueOrDefault(full) ?? File.ReadAllBytes(full), path);
            var syntax = UnitFileSyntax.Parse(text);
            var document = new SourceDocument { Path = path, Text = text, Problems = syntax.Problems, IsAnalyzable = syntax.IsComplete };
            var location = new Location(text, new TextSpan(0, 0));
            var address = new ModelValue("FREEIPA_HOST=192.168.122.116", "FREEIPA_HOST=192.168.122.116", location, location);
            var container = new Workload
            {
                Name = "dag-runner",
                Kind = WorkloadKind.PodmanRun,
                Location = location,
                GroupName = path,
                Environment = [new EnvironmentVariable("FREEIPA_HOST", address with { Text = "192.168.122.116" }, address)],
            };
            documents.Add(document);
            units.Add(new ServiceUnit
            {
                Name = Path.GetFileName(full),
                Kind = ServiceUnitKind.Service,
                Document = document,
                Definition = UnitFileSyntax.MergeDropIns(syntax, []),
                Workloads = [container],
            });
        }

        return new DeploymentModel { Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)), Documents = [.. documents], Units = [.. units] };
    }
}
