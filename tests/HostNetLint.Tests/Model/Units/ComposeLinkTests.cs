using HostNetLint.Model;
using HostNetLint.Model.Units;

namespace HostNetLint.Tests.Model.Units;

public class ComposeLinkTests
{
    [Test]
    public void The_ADR_unit_resolves_by_trailing_segments_and_links_the_discovered_services()
    {
        using var tree = new TempTree();
        tree.Write("airflow/docker-compose.yaml", UnitFixtures.AirflowCompose);
        tree.Write("deploy/airflow.service", UnitFixtures.AdrUnit);
        var model = tree.Build();

        var unit = model.Units.Single();
        var project = model.ComposeProjects.Single();
        Assert.Multiple(() =>
        {
            Assert.That(unit.Name, Is.EqualTo("airflow.service"));
            Assert.That(unit.Kind, Is.EqualTo(ServiceUnitKind.Service));
            Assert.That(unit.IsResolved, Is.True);
            Assert.That(unit.Workloads.Select(w => w.Name), Is.EqualTo(new[] { "postgres", "airflow-webserver", "airflow-scheduler", "airflow-init" }));
            Assert.That(unit.Workloads, Has.Length.EqualTo(4));
            for (var i = 0; i < 4; i++)
            {
                Assert.That(unit.Workloads[i], Is.SameAs(project.Services[i]));
            }

            Assert.That(model.Workloads, Has.Length.EqualTo(4));
            Assert.That(model.Problems, Is.Empty);
            Assert.That(unit.Definition.GetSection("Unit")!.GetList("After").Select(i => i.Text), Does.Contain("libvirtd.service"));
            Assert.That(TempTree.Position(unit.UnitSectionLocation), Is.EqualTo((1, 1)));
            Assert.That(model.Documents.Select(d => d.Path), Does.Contain("deploy/airflow.service"));
        });
    }

    [Test]
    public void The_unit_given_alone_loads_the_project_it_names()
    {
        using var tree = new TempTree();
        tree.Write("airflow/docker-compose.yaml", UnitFixtures.AirflowCompose);
        tree.Write("deploy/airflow.service", UnitFixtures.AdrUnit);
        var model = tree.Build("deploy/airflow.service");

        Assert.Multiple(() =>
        {
            Assert.That(model.Units.Single().Workloads, Has.Length.EqualTo(4));
            Assert.That(model.ComposeProjects, Has.Length.EqualTo(1));
            Assert.That(model.Workloads, Has.Length.EqualTo(4));
        });
    }

    [Test]
    public void A_path_mapping_beats_a_suffix_match()
    {
        using var tree = new TempTree();
        tree.Write("airflow/docker-compose.yaml", UnitFixtures.AirflowCompose);
        tree.Write("prod/docker-compose.yaml", "services:\n  prod-only:\n    image: x\n");
        tree.Write("airflow.service", UnitFixtures.AdrUnit);
        var options = ModelOptions.Default with
        {
            PathMappings = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty
                .Add("/opt", "elsewhere")
                .Add("/opt/airflow", "prod"),
        };
        var model = tree.Build(options);

        var unit = model.Units.Single();
        Assert.Multiple(() =>
        {
            Assert.That(unit.IsResolved, Is.True);
            Assert.That(unit.Workloads.Select(w => w.Name), Is.EqualTo(new[] { "prod-only" }));
            Assert.That(model.Problems, Is.Empty);
        });
    }

    [Test]
    public void A_mapping_to_a_missing_file_is_unresolved()
    {
        using var tree = new TempTree();
        tree.Write("airflow/docker-compose.yaml", UnitFixtures.AirflowCompose);
        tree.Write("airflow.service", UnitFixtures.AdrUnit);
        var options = ModelOptions.Default with
        {
            PathMappings = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("/opt/airflow/", "deploy/airflow"),
        };
        var model = tree.Build(options);

        Assert.Multiple(() =>
        {
            Assert.That(model.Units.Single().IsResolved, Is.False);
            Assert.That(model.Problems.Single().Message, Is.EqualTo("'/opt/airflow/docker-compose.yaml' maps to 'deploy/airflow/docker-compose.yaml', which does not exist in the linted root"));
        });
    }

    [Test]
    public void An_ambiguous_suffix_is_unresolved_with_a_problem_at_the_file_argument()
    {
        using var tree = new TempTree();
        tree.Write("a/airflow/docker-compose.yaml", UnitFixtures.AirflowCompose);
        tree.Write("b/airflow/docker-compose.yaml", UnitFixtures.AirflowCompose);
        tree.Write("airflow.service", UnitFixtures.AdrUnit);
        var model = tree.Build();

        var unit = model.Units.Single();
        var problem = model.Problems.Single();
        Assert.Multiple(() =>
        {
            Assert.That(unit.IsResolved, Is.False);
            Assert.That(unit.Workloads, Is.Empty);
            Assert.That(problem.Kind, Is.EqualTo(ModelProblemKind.ReferenceMissing));
            Assert.That(problem.Location.Path, Is.EqualTo("airflow.service"));
            Assert.That(TempTree.Position(problem.Location), Is.EqualTo((7, 38)));
            Assert.That(TempTree.TextOf(problem.Location), Is.EqualTo("/opt/airflow/docker-compose.yaml"));
            Assert.That(problem.Message, Does.Contain("'/opt/airflow/docker-compose.yaml' is ambiguous").And.Contain("add a path mapping"));
        });
    }

    [Test]
    public void No_matching_file_is_unresolved_with_a_clear_message()
    {
        using var tree = new TempTree();
        tree.Write("airflow.service", UnitFixtures.AdrUnit);
        var model = tree.Build();

        Assert.Multiple(() =>
        {
            Assert.That(model.Units.Single().IsResolved, Is.False);
            Assert.That(model.Problems.Single().Message, Is.EqualTo("'/opt/airflow/docker-compose.yaml' matches no file in the linted root; add a path mapping"));
        });
    }

    [TestCase("/usr/bin/docker compose -f /opt/airflow/docker-compose.yaml up", "/opt/airflow/docker-compose.yaml")]
    [TestCase("podman --log-level=info compose --file=/opt/airflow/docker-compose.yaml up -d", "/opt/airflow/docker-compose.yaml")]
    [TestCase("/usr/bin/env podman-compose -p air -f=/opt/airflow/docker-compose.yaml up", "/opt/airflow/docker-compose.yaml")]
    [TestCase("/bin/sh -c 'cd /opt && exec docker-compose -f /opt/airflow/docker-compose.yaml up'", "/opt/airflow/docker-compose.yaml")]
    public void Compose_spellings_name_their_file_at_its_exact_span(string execStart, string file)
    {
        using var tree = new TempTree();
        tree.Write("airflow/docker-compose.yaml", UnitFixtures.AirflowCompose);
        tree.Write("x.service", UnitFixtures.Unit(execStart));
        var model = tree.Build();
        Assert.That(model.Units.Single().Workloads, Has.Length.EqualTo(4));

        // The same line against an empty root reports the file at the exact position of its path.
        using var empty = new TempTree();
        empty.Write("x.service", UnitFixtures.Unit(execStart));
        var problem = empty.Build().Problems.Single();
        Assert.Multiple(() =>
        {
            Assert.That(TempTree.TextOf(problem.Location), Is.EqualTo(file));
            Assert.That(TempTree.Position(problem.Location), Is.EqualTo((5, 11 + execStart.IndexOf(file, StringComparison.Ordinal))));
        });
    }

    [Test]
    public void Project_directory_and_working_directory_discovery()
    {
        using var tree = new TempTree();
        tree.Write("stack/airflow/compose.yaml", UnitFixtures.AirflowCompose);
        tree.Write("a.service", UnitFixtures.Unit("/usr/bin/podman compose --project-directory /srv/airflow up"));
        tree.Write("b.service", UnitFixtures.Unit("/usr/bin/podman-compose up", "WorkingDirectory=-/opt/airflow\n"));
        tree.Write("c.service", UnitFixtures.Unit("/usr/bin/podman-compose up"));
        tree.Write("d.service", UnitFixtures.Unit("/usr/bin/docker-compose -f compose.yaml up", "WorkingDirectory=/opt/airflow\n"));
        var model = tree.Build();

        var byName = model.Units.ToDictionary(u => u.Name);
        var services = model.ComposeProjects.Single().Services;
        Assert.Multiple(() =>
        {
            Assert.That(byName["a.service"].Workloads, Is.EqualTo(services));
            Assert.That(byName["b.service"].Workloads, Is.EqualTo(services));
            Assert.That(byName["d.service"].Workloads, Is.EqualTo(services));
            Assert.That(byName["c.service"].IsResolved, Is.False);
            Assert.That(model.Workloads, Has.Length.EqualTo(4));
            var problem = model.Problems.Single();
            Assert.That(problem.Location.Path, Is.EqualTo("c.service"));
            Assert.That(TempTree.TextOf(problem.Location), Is.EqualTo("/usr/bin/podman-compose"));
        });
    }

    [Test]
    public void A_file_set_other_than_discovery_is_its_own_project_loaded_once()
    {
        using var tree = new TempTree();
        tree.Write("airflow/docker-compose.yaml", UnitFixtures.AirflowCompose);
        tree.Write("airflow/docker-compose.override.yaml", "services:\n  postgres:\n    ports: ['5432:5432']\n");
        tree.Write("a.service", UnitFixtures.Unit("podman-compose -f /opt/airflow/docker-compose.yaml up"));
        tree.Write("b.service", UnitFixtures.Unit("podman-compose -f /opt/airflow/docker-compose.yaml up"));
        var model = tree.Build();

        Assert.Multiple(() =>
        {
            Assert.That(model.ComposeProjects, Has.Length.EqualTo(2));
            Assert.That(model.Units[0].Workloads, Is.EqualTo(model.Units[1].Workloads));
            Assert.That(model.Units[0].Workloads, Is.EqualTo(model.ComposeProjects[1].Services));
            Assert.That(model.Workloads, Has.Length.EqualTo(8));
        });
    }

    [Test]
    public void An_empty_ExecStart_resets_the_lines_before_it()
    {
        using var tree = new TempTree();
        tree.Write("airflow/docker-compose.yaml", UnitFixtures.AirflowCompose);
        tree.Write("x.service", """
            [Service]
            ExecStart=/usr/bin/podman-compose -f /nowhere/compose.yaml up
            ExecStart=
            ExecStart=/usr/bin/podman-compose -f /opt/airflow/docker-compose.yaml up
            """);
        var model = tree.Build();

        Assert.Multiple(() =>
        {
            Assert.That(model.Problems, Is.Empty);
            Assert.That(model.Units.Single().Workloads, Has.Length.EqualTo(4));
        });
    }

    [Test]
    public void A_drop_in_overrides_ExecStart_and_adds_ordering()
    {
        using var tree = new TempTree();
        tree.Write("airflow/docker-compose.yaml", UnitFixtures.AirflowCompose);
        tree.Write("other/compose.yaml", "services:\n  other:\n    image: x\n");
        tree.Write("units/airflow.service", UnitFixtures.Unit("/usr/bin/podman-compose -f /opt/other/compose.yaml up"));
        tree.Write("units/airflow.service.d/10-path.conf", """
            [Unit]
            After=libvirtd.service

            [Service]
            ExecStart=
            ExecStart=/usr/bin/podman-compose -f /opt/airflow/docker-compose.yaml up
            Environment="LIBVIRT_DEFAULT_URI=qemu:///system" OTHER=1
            """);
        var model = tree.Build();

        var unit = model.Units.Single();
        Assert.Multiple(() =>
        {
            Assert.That(unit.Definition.DropIns, Has.Length.EqualTo(1));
            Assert.That(unit.Workloads.Select(w => w.Name), Does.Contain("airflow-scheduler"));
            Assert.That(unit.Workloads, Has.Length.EqualTo(4));
            Assert.That(unit.Definition.GetSection("Unit")!.GetList("After").Single().Text, Is.EqualTo("libvirtd.service"));
            Assert.That(unit.Environment.Select(e => e.Name), Is.EqualTo(new[] { "LIBVIRT_DEFAULT_URI", "OTHER" }));
            Assert.That(unit.Environment[0].Value!.Text, Is.EqualTo("qemu:///system"));
            Assert.That(unit.Environment[0].Entry.Location.Path, Is.EqualTo("units/airflow.service.d/10-path.conf"));
            Assert.That(TempTree.Position(unit.Environment[0].Entry.Location), Is.EqualTo((7, 13)));
            Assert.That(model.Documents.Select(d => d.Path), Does.Contain("units/airflow.service.d/10-path.conf"));
        });
    }
}
