namespace HostNetLint.Tests.Model;

public class MergeKeyTests
{
    private const string Airflow = """
        version: '3.8'
        x-airflow-common: &airflow-common
          image: ${AIRFLOW_IMAGE:-qubinode/airflow:latest}
          environment:
            - AIRFLOW__CORE__EXECUTOR=LocalExecutor
          volumes:
            - ./dags:/opt/airflow/dags
            - /var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock:ro
        services:
          airflow-webserver:
            <<: *airflow-common
            command: webserver
            ports:
              - "8888:8080"
          airflow-scheduler:
            <<: *airflow-common
            command: scheduler
        """;

    [Test]
    public void Airflow_pattern_gives_two_workloads_whose_mounts_enter_at_the_merge_key()
    {
        using var tree = new TempTree();
        tree.Write("airflow/docker-compose.yaml", Airflow);
        var model = tree.Build();

        Assert.That(model.ComposeProjects.Select(p => p.Name), Is.EqualTo(new[] { "airflow" }));
        Assert.That(model.Workloads.Select(w => w.Name), Is.EqualTo(new[] { "airflow-webserver", "airflow-scheduler" }));
        var webserver = model.Workloads[0];
        var scheduler = model.Workloads[1];
        Assert.Multiple(() =>
        {
            Assert.That(webserver.Location.Path, Is.EqualTo("airflow/docker-compose.yaml"));
            Assert.That(TempTree.Position(webserver.Location), Is.EqualTo((10, 3)));
            Assert.That(TempTree.TextOf(webserver.Location), Is.EqualTo("airflow-webserver"));
            Assert.That(webserver.GroupName, Is.EqualTo("airflow"));

            var libvirt = webserver.Mounts.Single(m => m.Source == "/var/run/libvirt/libvirt-sock");
            Assert.That(TempTree.Position(libvirt.Entry.Location), Is.EqualTo((8, 7)));
            Assert.That(TempTree.Position(libvirt.Entry.Site), Is.EqualTo((11, 5)));
            Assert.That(TempTree.TextOf(libvirt.Entry.Site), Is.EqualTo("<<"));
            Assert.That(libvirt.Entry.IsInherited, Is.True);
            Assert.That(libvirt.IsBind, Is.True);
            Assert.That(libvirt.ReadOnly, Is.True);
            Assert.That(libvirt.Target, Is.EqualTo("/var/run/libvirt/libvirt-sock"));

            var schedulerLibvirt = scheduler.Mounts.Single(m => m.Source == "/var/run/libvirt/libvirt-sock");
            Assert.That(TempTree.Position(schedulerLibvirt.Entry.Location), Is.EqualTo((8, 7)));
            Assert.That(TempTree.Position(schedulerLibvirt.Entry.Site), Is.EqualTo((16, 5)));

            Assert.That(webserver.Image!.Text, Is.EqualTo("qubinode/airflow:latest"));
            Assert.That(webserver.Image.Raw, Is.EqualTo("${AIRFLOW_IMAGE:-qubinode/airflow:latest}"));
            Assert.That(TempTree.Position(webserver.Image.Location), Is.EqualTo((3, 10)));

            Assert.That(webserver.Command.Select(c => c.Text), Is.EqualTo(new[] { "webserver" }));
            Assert.That(webserver.Command[0].Site, Is.EqualTo(webserver.Command[0].Location));
            Assert.That(webserver.Command[0].IsInherited, Is.False);
            Assert.That(TempTree.Position(webserver.Command[0].Location), Is.EqualTo((12, 14)));

            Assert.That(webserver.Ports, Has.Length.EqualTo(1));
            Assert.That(webserver.Ports[0].HostPortStart, Is.EqualTo(8888));
            Assert.That(webserver.Ports[0].ContainerPortStart, Is.EqualTo(8080));
            Assert.That(TempTree.Position(webserver.PortsKey!), Is.EqualTo((13, 5)));
            Assert.That(scheduler.Ports, Is.Empty);
            Assert.That(scheduler.PortsKey, Is.Null);

            Assert.That(webserver.Environment.Single().Name, Is.EqualTo("AIRFLOW__CORE__EXECUTOR"));
            Assert.That(webserver.Environment.Single().Value!.Text, Is.EqualTo("LocalExecutor"));
            Assert.That(TempTree.Position(webserver.Environment.Single().Value!.Location), Is.EqualTo((5, 31)));
        });
    }

    [Test]
    public void Image_is_taken_from_the_environment_when_set()
    {
        using var tree = new TempTree();
        tree.Write("airflow/docker-compose.yaml", Airflow);
        tree.Write("airflow/.env", "AIRFLOW_IMAGE=custom:1\n");
        var model = tree.Build();
        Assert.That(model.Workloads[0].Image!.Text, Is.EqualTo("custom:1"));
        Assert.That(model.Documents.Select(d => d.Path), Is.EquivalentTo(new[] { "airflow/docker-compose.yaml", "airflow/.env" }));
    }

    [Test]
    public void Explicit_keys_win_and_earlier_aliases_of_a_sequence_win()
    {
        using var tree = new TempTree();
        tree.Write("compose.yaml", """
            x-a: &a
              image: from-a
              network_mode: host
            x-b: &b
              image: from-b
              hostname: from-b
              network_mode: bridge
            services:
              app:
                <<: [*a, *b]
                network_mode: none
            """);
        var app = tree.Service("app");
        Assert.Multiple(() =>
        {
            Assert.That(app.Image!.Text, Is.EqualTo("from-a"));
            Assert.That(TempTree.Position(app.Image.Location), Is.EqualTo((2, 10)));
            Assert.That(TempTree.Position(app.Image.Site), Is.EqualTo((10, 5)));
            Assert.That(app.NetworkMode!.Text, Is.EqualTo("none"));
            Assert.That(app.NetworkMode.IsInherited, Is.False);
            Assert.That(app.IsHostNetwork, Is.False);
        });
    }

    [Test]
    public void A_nested_merge_keeps_the_services_merge_key_as_site()
    {
        using var tree = new TempTree();
        tree.Write("compose.yaml", """
            x-net: &net
              network_mode: host
            x-base: &base
              <<: *net
              image: base
            services:
              app:
                <<: *base
            """);
        var app = tree.Service("app");
        Assert.Multiple(() =>
        {
            Assert.That(app.IsHostNetwork, Is.True);
            Assert.That(TempTree.Position(app.NetworkMode!.Location), Is.EqualTo((2, 17)));
            Assert.That(TempTree.Position(app.NetworkMode.Site), Is.EqualTo((8, 5)));
        });
    }

    [Test]
    public void A_value_alias_enters_at_the_alias()
    {
        using var tree = new TempTree();
        tree.Write("compose.yaml", """
            x-env: &env
              - A=1
            services:
              app:
                image: x
                environment: *env
            """);
        var variable = tree.Service("app").Environment.Single();
        Assert.Multiple(() =>
        {
            Assert.That(TempTree.Position(variable.Entry.Location), Is.EqualTo((2, 5)));
            Assert.That(TempTree.Position(variable.Entry.Site), Is.EqualTo((6, 18)));
        });
    }
}
