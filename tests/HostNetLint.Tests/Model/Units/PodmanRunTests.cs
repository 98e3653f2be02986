using HostNetLint.Model.Workloads;

namespace HostNetLint.Tests.Model.Units;

public class PodmanRunTests
{
    // The ADR's "alternative": a host-network pod and a container in it, the run line continued with backslashes.
    private const string PodUnit = """
        [Unit]
        Description=Airflow pod

        [Service]
        Type=oneshot
        RemainAfterExit=yes
        ExecStartPre=/usr/bin/podman pod create --name airflow-pod --network=host
        ExecStart=/usr/bin/podman run -d --pod airflow-pod \
          --name airflow-scheduler \
          -v ./dags:/opt/airflow/dags \
          -v /var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock:ro \
          qubinode/airflow:latest scheduler
        """;

    [Test]
    public void A_container_in_a_host_pod_has_the_host_network_and_exact_spans()
    {
        using var tree = new TempTree();
        tree.Write("airflow-pod.service", PodUnit);
        var model = tree.Build();

        var unit = model.Units.Single();
        var pod = unit.Workloads[0];
        var scheduler = unit.Workloads[1];
        Assert.Multiple(() =>
        {
            Assert.That(model.Workloads, Is.EqualTo(unit.Workloads));
            Assert.That(pod.Kind, Is.EqualTo(WorkloadKind.PodmanPod));
            Assert.That(pod.Name, Is.EqualTo("airflow-pod"));
            Assert.That(pod.IsHostNetwork, Is.True);

            Assert.That(scheduler.Kind, Is.EqualTo(WorkloadKind.PodmanRun));
            Assert.That(scheduler.Name, Is.EqualTo("airflow-scheduler"));
            Assert.That(scheduler.GroupName, Is.EqualTo("airflow-pod.service"));
            Assert.That(TempTree.Position(scheduler.Location), Is.EqualTo((8, 11)));
            Assert.That(TempTree.TextOf(scheduler.Location), Is.EqualTo("/usr/bin/podman"));
            Assert.That(scheduler.IsHostNetwork, Is.True);
            Assert.That(scheduler.NetworkMode, Is.Null, "a pod member has no network setting of its own");
            Assert.That(scheduler.Namespace.Owner, Is.SameAs(pod));
            Assert.That(scheduler.Namespace.JoinedTo, Is.SameAs(pod));
            Assert.That(TempTree.Position(scheduler.Namespace.JoinedBy!.Location), Is.EqualTo((8, 40)));
            Assert.That(TempTree.TextOf(scheduler.Namespace.JoinedBy.Location), Is.EqualTo("airflow-pod"));
            Assert.That(TempTree.Position(pod.HostNetworkSetting!.Location), Is.EqualTo((7, 70)));
            Assert.That(TempTree.TextOf(pod.HostNetworkSetting.Location), Is.EqualTo("host"));

            Assert.That(scheduler.Mounts.Select(m => (m.Source, m.Target, m.IsBind, m.ReadOnly)), Is.EqualTo(new[]
            {
                ((string?)"./dags", "/opt/airflow/dags", true, false),
                ("/var/run/libvirt/libvirt-sock", "/var/run/libvirt/libvirt-sock", true, true),
            }));
            Assert.That(TempTree.Position(scheduler.Mounts[0].Entry.Location), Is.EqualTo((10, 6)));
            Assert.That(TempTree.Position(scheduler.Mounts[1].Entry.Location), Is.EqualTo((11, 6)));
            Assert.That(scheduler.Mounts[1].Entry.Site, Is.EqualTo(scheduler.Mounts[1].Entry.Location));
            Assert.That(scheduler.Image!.Text, Is.EqualTo("qubinode/airflow:latest"));
            Assert.That(TempTree.Position(scheduler.Image.Location), Is.EqualTo((12, 3)));
            Assert.That(scheduler.Command.Select(c => c.Text), Is.EqualTo(new[] { "scheduler" }));
            Assert.That(TempTree.Position(scheduler.Command[0].Location), Is.EqualTo((12, 27)));
        });
    }

    [Test]
    public void A_pod_created_in_another_unit_is_found_by_name()
    {
        using var tree = new TempTree();
        tree.Write("a-pod.service", UnitFixtures.Unit("/usr/bin/podman pod create --replace -p 8080:8080 --network host airflow-pod"));
        tree.Write("b-web.service", UnitFixtures.Unit("/usr/bin/podman run --pod=airflow-pod --rm qubinode/airflow:latest webserver"));
        var model = tree.Build();

        var web = model.Units.Single(u => u.Name == "b-web.service").Workloads.Single();
        var pod = model.Units.Single(u => u.Name == "a-pod.service").Workloads.Single();
        Assert.Multiple(() =>
        {
            Assert.That(pod.Name, Is.EqualTo("airflow-pod"));
            Assert.That(pod.Ports.Single().HostPortStart, Is.EqualTo(8080));
            Assert.That(web.Name, Is.EqualTo("qubinode/airflow:latest"));
            Assert.That(web.IsHostNetwork, Is.True);
            Assert.That(web.Namespace.Owner, Is.SameAs(pod));
            Assert.That(web.Namespace.Owner!.HostNetworkSetting!.Location.Path, Is.EqualTo("a-pod.service"));
            Assert.That(TempTree.TextOf(web.Namespace.JoinedBy!.Location), Is.EqualTo("airflow-pod"));
            Assert.That(TempTree.Position(web.Namespace.JoinedBy.Location), Is.EqualTo((5, 37)));
        });
    }

    [Test]
    public void Run_options_are_read_and_the_image_found_after_value_options()
    {
        using var tree = new TempTree();
        tree.Write("web.service", UnitFixtures.Unit(
            "/usr/bin/docker run --rm --name web -p 127.0.0.1:8080:80 -e A=1 --env B -l tier=front --network=backend -u 1000 --mount type=bind,source=/srv,target=/data,ro --health-cmd \"curl -f http://localhost\" --add-host vm:192.168.122.10 nginx:1 nginx -g 'daemon off;'"));
        var web = tree.Build().Workloads.Single();

        Assert.Multiple(() =>
        {
            Assert.That(web.Name, Is.EqualTo("web"));
            Assert.That(web.Image!.Text, Is.EqualTo("nginx:1"));
            Assert.That(web.Command.Select(c => c.Text), Is.EqualTo(new[] { "nginx", "-g", "daemon off;" }));
            Assert.That(web.IsHostNetwork, Is.False);
            Assert.That(web.Networks.Single().Name.Text, Is.EqualTo("backend"));
            Assert.That(TempTree.Position(web.Networks[0].Name.Location), Is.EqualTo((5, 107)));
            var port = web.Ports.Single();
            Assert.That((port.HostIp, port.HostPortStart, port.ContainerPortStart), Is.EqualTo(("127.0.0.1", (int?)8080, (int?)80)));
            Assert.That(web.Environment.Select(e => (e.Name, e.Value?.Text)), Is.EqualTo(new[] { ("A", (string?)"1"), ("B", null) }));
            Assert.That(web.Labels.Single().Name, Is.EqualTo("tier"));
            Assert.That(web.Mounts.Single(), Is.EqualTo(web.Mounts[0] with { Source = "/srv", Target = "/data", IsBind = true, ReadOnly = true }));
            Assert.That(web.Healthcheck.Select(h => h.Text), Is.EqualTo(new[] { "curl", "-f", "http://localhost" }));
            Assert.That(TempTree.TextOf(web.Healthcheck[2].Location), Is.EqualTo("http://localhost"));
            Assert.That(web.ExtraHosts.Single().Text, Is.EqualTo("vm:192.168.122.10"));
        });
    }

    [Test]
    public void A_run_line_joins_a_quadlet_pod_by_its_podman_name()
    {
        using var tree = new TempTree();
        tree.Write("airflow.pod", "[Pod]\nNetwork=host\n");
        tree.Write("extra.service", UnitFixtures.Unit("podman run -d --pod systemd-airflow -p8080:80 --name=extra img"));
        var extra = tree.Build().Workloads.Single(w => w.Name == "extra");

        Assert.Multiple(() =>
        {
            Assert.That(extra.IsHostNetwork, Is.True);
            Assert.That(extra.Namespace.Owner!.HostNetworkSetting!.Location.Path, Is.EqualTo("airflow.pod"));
            Assert.That(TempTree.TextOf(extra.Ports.Single().Entry.Location), Is.EqualTo("8080:80"));
            Assert.That(extra.Image!.Text, Is.EqualTo("img"));
        });
    }
}
