using HostNetLint.Model;

namespace HostNetLint.Tests.Model.Units;

public class RobustnessTests
{
    [TestCase("podman")]
    [TestCase("podman run")]
    [TestCase("podman run --name")]
    [TestCase("podman run -p")]
    [TestCase("podman run --network= --pod= -v : -p :::: --mount ,,,= img")]
    [TestCase("podman pod create")]
    [TestCase("podman kube play")]
    [TestCase("podman-compose -f")]
    [TestCase("podman-compose -f= up")]
    [TestCase("podman-compose -f '' up")]
    [TestCase("docker compose --file= --project-directory")]
    [TestCase("sh -c")]
    [TestCase("sh -c 'sh -c \"sh -c \\\\\"sh -c podman-compose\\\\\"\"'")]
    [TestCase("/usr/bin/env")]
    [TestCase("env -u")]
    [TestCase("\"unterminated")]
    [TestCase("podman-compose -f ../../../../etc/passwd up")]
    [TestCase("podman-compose -f /opt/%i/compose.yaml -f ${DIR}/x.yaml up")]
    public void Odd_exec_lines_never_throw(string execStart)
    {
        using var tree = new TempTree();
        tree.Write("compose.yaml", "services:\n  a:\n    image: x\n");
        tree.Write("x.service", UnitFixtures.Unit(execStart, "WorkingDirectory=~\n"));
        tree.Write("y.container", "[Container]\nPod=y.pod\nNetwork=\nPublishPort=\nVolume=\nMount=\nEnvironment=\"\nExec=\"\n");
        tree.Write("y.pod", "[Pod]\nNetwork=host\n");
        tree.Write("z.kube", "[Kube]\nYaml=../../outside.yaml\n");

        DeploymentModel? model = null;
        Assert.DoesNotThrow(() => model = tree.Build());
        Assert.That(model!.Units, Has.Length.EqualTo(4));
    }

    [Test]
    public void Relative_files_resolve_against_a_mapped_working_directory()
    {
        using var tree = new TempTree();
        tree.Write("deploy/airflow/compose.yaml", "services:\n  a:\n    image: x\n");
        tree.Write("other/compose.yaml", "services:\n  b:\n    image: x\n");
        tree.Write("x.service", UnitFixtures.Unit("podman-compose -f ./compose.yaml up", "WorkingDirectory=/srv/app\n"));
        var options = ModelOptions.Default with
        {
            PathMappings = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("/srv/app", "deploy/airflow"),
        };
        var model = tree.Build(options);

        Assert.Multiple(() =>
        {
            Assert.That(model.Problems, Is.Empty);
            Assert.That(model.Units.Single().Workloads.Single().Name, Is.EqualTo("a"));
        });
    }

    [Test]
    public void A_unit_file_named_explicitly_is_read_with_its_drop_ins()
    {
        using var tree = new TempTree();
        tree.Write("q/web.container", "[Container]\nImage=nginx\n");
        tree.Write("q/web.container.d/override.conf", "[Container]\nPublishPort=80:80\n");
        tree.Write("q/other.container", "[Container]\nImage=other\n");
        var model = tree.Build("q/web.container");

        Assert.Multiple(() =>
        {
            Assert.That(model.Units.Single().Name, Is.EqualTo("web.container"));
            Assert.That(model.Workloads.Single().Ports.Single().HostPortStart, Is.EqualTo(80));
            Assert.That(model.Documents.Select(d => d.Path), Is.EqualTo(new[] { "q/web.container", "q/web.container.d/override.conf" }));
        });
    }
}
