using System.Collections.Immutable;
using HostNetLint.Model;
using HostNetLint.Model.Workloads;

namespace HostNetLint.Tests.Model.Units;

/// <summary>Env files named by units: podman run --env-file, quadlet and systemd EnvironmentFile=.</summary>
public class UnitEnvFileTests
{
    private static readonly ImmutableDictionary<string, string> AirflowMapping = ImmutableDictionary<string, string>.Empty.Add("/opt/airflow", "airflow");

    [Test]
    public void Podman_env_files_are_read_relative_to_the_working_directory_and_env_wins()
    {
        using var tree = new TempTree();
        tree.Write("airflow/airflow.env", "LIBVIRT_DEFAULT_URI=\"qemu:///system\"\nMODE=file\nSHARED=first\n");
        tree.Write("airflow/extra.env", "SHARED=second\n");
        tree.Write("airflow/airflow.service", UnitFixtures.Unit(
            "/usr/bin/podman run --env-file airflow.env --env-file=/opt/airflow/extra.env -e MODE=flag --name web img",
            "WorkingDirectory=/opt/airflow\n"));
        var model = tree.Build(ModelOptions.Default with { PathMappings = AirflowMapping });
        var web = model.Workloads.Single();
        var uri = web.Environment.Single(v => v.Name == "LIBVIRT_DEFAULT_URI");
        Assert.Multiple(() =>
        {
            Assert.That(model.Problems, Is.Empty);
            Assert.That(web.Environment.Select(v => (v.Name, v.Value?.Text)), Is.EqualTo(new (string, string?)[]
            {
                ("MODE", "flag"),
                ("LIBVIRT_DEFAULT_URI", "\"qemu:///system\""),
                ("SHARED", "second"),
            }));
            Assert.That(uri.Entry.Location.Path, Is.EqualTo("airflow/airflow.env"));
            Assert.That(TempTree.Position(uri.Entry.Location), Is.EqualTo((1, 1)));
            Assert.That(TempTree.TextOf(uri.Entry.Site), Is.EqualTo("airflow.env"));
            Assert.That(uri.Entry.Origin, Is.EqualTo(ValueOrigin.EnvFile));
        });
    }

    [Test]
    public void Quadlet_environment_files_are_relative_to_the_quadlet_and_environment_wins()
    {
        using var tree = new TempTree();
        tree.Write("quadlets/env/web.env", "A=from-file\nB=from-file\n");
        tree.Write("quadlets/web.container", "[Container]\nImage=img\nEnvironmentFile=env/web.env\nEnvironment=A=declared\n");
        var web = tree.Build().Workloads.Single();
        Assert.Multiple(() =>
        {
            Assert.That(web.Environment.Select(v => (v.Name, v.Value?.Text)), Is.EqualTo(new (string, string?)[] { ("A", "declared"), ("B", "from-file") }));
            Assert.That(TempTree.Position(web.Environment[1].Entry.Location), Is.EqualTo((2, 1)));
            Assert.That(TempTree.Position(web.Environment[1].Entry.Site), Is.EqualTo((3, 17)));
        });
    }

    [Test]
    public void Systemd_environment_files_override_environment_and_the_dash_makes_them_optional()
    {
        using var tree = new TempTree();
        tree.Write("airflow/unit.env", "# systemd syntax\nLIBVIRT_DEFAULT_URI='qemu:///system'\nSHARED=file\n");
        tree.Write("airflow/airflow.service", UnitFixtures.Unit(
            "/usr/bin/virsh start vm",
            "Environment=SHARED=declared ONLY=declared\nEnvironmentFile=/opt/airflow/unit.env\nEnvironmentFile=-/opt/airflow/optional.env\n"));
        var model = tree.Build(ModelOptions.Default with { PathMappings = AirflowMapping });
        var unit = model.Units.Single();
        Assert.Multiple(() =>
        {
            Assert.That(model.Problems, Is.Empty);
            Assert.That(unit.Environment.Select(v => (v.Name, v.Value?.Text)), Is.EqualTo(new (string, string?)[]
            {
                ("LIBVIRT_DEFAULT_URI", "qemu:///system"),
                ("SHARED", "file"),
                ("ONLY", "declared"),
            }));
            Assert.That(TempTree.Position(unit.Environment[0].Entry.Location), Is.EqualTo((2, 1)));
        });
    }

    [Test]
    public void Missing_unit_env_files_are_reported_once_and_host_paths_are_kept_out_of_the_repository()
    {
        using var tree = new TempTree();
        tree.Write(".gitignore", "secrets.env\n");
        tree.Write("a.service", UnitFixtures.Unit("/usr/bin/podman run --env-file /etc/app/host.env --name a img", "WorkingDirectory=/srv\n"));
        tree.Write("b.container", "[Container]\nImage=img\nEnvironmentFile=secrets.env\nEnvironmentFile=missing.env\n");
        tree.Write("c.container", "[Container]\nImage=img\nEnvironmentFile=missing.env\n");
        var problems = tree.Build().Problems;
        Assert.That(problems.Select(p => (p.Kind, p.Location.Path, TempTree.TextOf(p.Location), p.Related.Length)), Is.EqualTo(new[]
        {
            (ModelProblemKind.ReferenceKeptOutOfRepository, "a.service", "/etc/app/host.env", 1),
            (ModelProblemKind.ReferenceKeptOutOfRepository, "b.container", "secrets.env", 1),
            (ModelProblemKind.ReferenceMissing, "b.container", "missing.env", 3),
        }));
        Assert.That(problems[2].Related.Select(r => (r.Location.Path, r.Message)), Is.EqualTo(new[]
        {
            ("b.container", "read by 'b'"),
            ("c.container", "also referenced here"),
            ("c.container", "read by 'c'"),
        }));
    }
}
